"""The platform end to end: the real binary, a real database (SQLite or PostgreSQL by
TUYENVAN_TEST_ENGINE), plain HTTP from the outside."""
import datetime
import http.client
import json
import os
import re
import signal
import subprocess
import threading
import unittest
import urllib.parse

from harness import BIN, DEMO, ENGINE, Client, Server, Store


class DemoServer(unittest.TestCase):
    """One server with the demo data for the read-mostly tests."""

    @classmethod
    def setUpClass(cls):
        cls.store = Store()
        cls.store.cli("demo", "--items", "120", "--pictures", "3", "--scale", "district")
        cls.server = Server(cls.store)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.store.drop()

    def client(self, login=None):
        client = Client(self.server.port)
        if login:
            client.sign_in(login)
        return client


class HttpBasics(DemoServer):
    def test_health_readiness_and_metrics(self):
        client = self.client()
        self.assertEqual(client.request("GET", "/healthz").status, 200)
        ready = client.request("GET", "/readyz")
        self.assertEqual(ready.status, 200)
        self.assertIn(b'"database":"ok"', ready.data)
        metrics = client.request("GET", "/metrics").data.decode()
        self.assertIn('tuyenvan_http_requests_total{route="/healthz",status="200"}', metrics)
        self.assertIn("tuyenvan_http_request_duration_seconds_bucket", metrics)
        self.assertIn('tuyenvan_db_pool_connections{state="total"}', metrics)

    def test_security_headers_on_every_response(self):
        for path in ("/", "/healthz", "/khong-co", "/static/css/app.css"):
            response = self.client().request("GET", path)
            self.assertIn("script-src 'self'", response.getheader("Content-Security-Policy"), path)
            self.assertEqual(response.getheader("X-Content-Type-Options"), "nosniff")
            self.assertEqual(response.getheader("X-Frame-Options"), "DENY")
            self.assertTrue(response.getheader("Referrer-Policy"))

    def test_head_405_and_vietnamese_errors(self):
        client = self.client()
        get = client.request("GET", "/")
        head = client.request("HEAD", "/")
        self.assertEqual(head.status, 200)
        self.assertEqual(head.data, b"")
        self.assertEqual(int(head.getheader("Content-Length")), len(get.data))
        wrong = client.request("DELETE", "/healthz")
        self.assertEqual(wrong.status, 405)
        self.assertIn("GET", wrong.getheader("Allow"))
        missing = client.request("GET", "/khong-co-trang-nay")
        self.assertEqual(missing.status, 404)
        self.assertIn("Không tìm thấy trang", missing.data.decode())
        api_missing = client.request("GET", "/api/v1/khong-co")
        self.assertEqual(api_missing.status, 404)
        error = json.loads(api_missing.data)["error"]
        self.assertEqual(error["code"], "not_found")
        self.assertIn("Không tìm thấy", error["message"])

    def test_oversized_body_and_bad_input(self):
        client = self.client()
        # Only the headers are sent: the server must refuse before reading a body it would not keep.
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        connection.putrequest("POST", "/api/v1/session")
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Content-Length", str(64 * 1024 * 1024))
        connection.endheaders()
        big = connection.getresponse()
        self.assertEqual(big.status, 413)
        self.assertIn("quá lớn", json.loads(big.read())["error"]["message"])
        connection.close()
        bad = client.request("POST", "/api/v1/session", body=b"{not json", headers={"Content-Type": "application/json"})
        self.assertEqual(bad.status, 400)
        self.assertIn("JSON", json.loads(bad.data)["error"]["message"])
        self.assertEqual(client.request("GET", "/quan-tri/don-vi/%ZZ").status, 400)

    def test_static_files_etag_304_and_compression(self):
        client = self.client()
        first = client.request("GET", "/static/css/app.css", headers={"Accept-Encoding": "gzip, br"})
        self.assertEqual(first.status, 200)
        self.assertEqual(first.getheader("Content-Encoding"), "br")
        etag = first.getheader("ETag")
        again = client.request("GET", "/static/css/app.css", headers={"If-None-Match": etag})
        self.assertEqual(again.status, 304)
        gz = client.request("GET", "/static/css/app.css", headers={"Accept-Encoding": "gzip"})
        self.assertEqual(gz.getheader("Content-Encoding"), "gzip")
        page = client.request("GET", "/").data.decode()
        version = re.search(r"\.css\?v=([0-9a-f]+)", page).group(1)
        cached = client.request("GET", "/static/css/app.css?v=" + version)
        self.assertIn("immutable", cached.getheader("Cache-Control"))
        self.assertEqual(client.request("GET", "/static/../CMakeLists.txt").status, 404)


class Sessions(DemoServer):
    def test_cookie_flags_and_csrf(self):
        client = Client(self.server.port)
        response = client.request("POST", "/api/v1/session", json_body={"login": "admin", "password": DEMO["admin"]})
        self.assertEqual(response.status, 201)
        cookie = response.getheader("Set-Cookie")
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Lax", cookie)
        client.csrf = json.loads(response.data)["csrf_token"]
        person = {"full_name": "Lò Văn Sáng", "unit_id": client.unit_id("082")}
        without = client.request("POST", "/api/v1/people", json_body=person, csrf=False)
        self.assertEqual(without.status, 403)
        self.assertEqual(json.loads(without.data)["error"]["code"], "csrf")
        wrong = client.request("POST", "/api/v1/people", json_body=person, headers={"X-CSRF-Token": "sai"})
        self.assertEqual(wrong.status, 403)
        status, _ = client.json("POST", "/api/v1/people", person)
        self.assertEqual(status, 201)

    def test_sign_in_page_flow_and_sign_out(self):
        client = Client(self.server.port)
        page = client.request("GET", "/dang-nhap").data.decode()
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = client.form("/dang-nhap", {"csrf_token": token, "login": "admin", "password": DEMO["admin"]})
        self.assertEqual(response.status, 303)
        self.assertEqual(response.getheader("Location"), "/quan-tri")
        dashboard = client.request("GET", "/quan-tri").data.decode()
        self.assertIn("Tổng quan", dashboard)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', dashboard).group(1)
        out = client.form("/dang-xuat", {"csrf_token": csrf})
        self.assertEqual(out.status, 303)
        after = client.request("GET", "/quan-tri")
        self.assertEqual(after.status, 303)
        self.assertTrue(after.getheader("Location").startswith("/dang-nhap"))

    def test_signing_in_again_rotates_the_session(self):
        client = self.client("xem")
        old_token = client.cookies["tv_session"]
        client.sign_in("xem")
        self.assertNotEqual(client.cookies["tv_session"], old_token)
        stale = Client(self.server.port)
        stale.cookies["tv_session"] = old_token
        self.assertEqual(stale.request("GET", "/api/v1/session").status, 401)

    def test_disabled_account_is_signed_out_and_cannot_sign_in(self):
        admin = self.client("admin")
        _, account = admin.json("POST", "/api/v1/accounts", {"login": "sap.khoa", "password": "mat-khau-khoa-2026",
                                                            "role": "viewer", "unit_id": admin.unit_id("082")},
                                expect=201)
        user = Client(self.server.port)
        user.sign_in("sap.khoa", "mat-khau-khoa-2026")
        _, changed = admin.json("PATCH", f"/api/v1/accounts/{account['id']}", {"disabled": True}, expect=200)
        self.assertTrue(changed["disabled"])
        self.assertEqual(user.request("GET", "/api/v1/session").status, 401)
        status, body = Client(self.server.port).json("POST", "/api/v1/session",
                                                     {"login": "sap.khoa", "password": "mat-khau-khoa-2026"})
        self.assertEqual(status, 401)
        self.assertIn("bị khóa", body["error"]["message"])
        admin.json("POST", f"/api/v1/accounts/{account['id']}/password", {"password": "ngan"}, expect=422)
        admin.json("PATCH", f"/api/v1/accounts/{account['id']}", {"disabled": False}, expect=200)
        admin.json("POST", f"/api/v1/accounts/{account['id']}/password", {"password": "mat-khau-moi-dat-lai"},
                   expect=200)
        Client(self.server.port).sign_in("sap.khoa", "mat-khau-moi-dat-lai")

    def test_closed_unit_points_to_its_successor(self):
        admin = self.client("admin")
        old, new = admin.unit_id("02689"), admin.unit_id("02686")
        _, current = admin.json("GET", f"/api/v1/units/{old}", expect=200)
        # 30/06/2025 17:00 UTC is the end of 30/06/2025 in Việt Nam.
        _, closed = admin.json("PATCH", f"/api/v1/units/{old}", {"valid_to": 1751302800000, "successor_ids": [new],
                                                                 "version": current["version"]}, expect=200)
        self.assertEqual(closed["successor_ids"], [new])
        page = admin.request("GET", f"/quan-tri/don-vi/{old}").data.decode()
        self.assertIn("Đã giải thể", page)
        self.assertIn("Đơn vị kế thừa", page)
        self.assertIn("01/07/2025", page)
        admin.json("PATCH", f"/api/v1/units/{old}", {"valid_to": None, "successor_ids": [],
                                                     "version": closed["version"]}, expect=200)

    def test_sign_in_form_without_its_token_is_refused(self):
        client = Client(self.server.port)
        response = client.form("/dang-nhap", {"login": "admin", "password": DEMO["admin"]})
        self.assertEqual(response.status, 403)
        self.assertNotIn("tv_session", client.cookies)

    def test_throttling_after_repeated_failures(self):
        client = Client(self.server.port)
        for _ in range(5):
            status, body = client.json("POST", "/api/v1/session", {"login": "xem", "password": "sai-mat-khau"})
            self.assertEqual(status, 401)
            self.assertIn("không đúng", body["error"]["message"])
        status, body = client.json("POST", "/api/v1/session", {"login": "xem", "password": DEMO["xem"]})
        self.assertEqual(status, 429)
        self.assertIn("quá nhiều lần", body["error"]["message"])

    def test_own_password_change_signs_out_other_sessions(self):
        admin = self.client("admin")
        admin.json("POST", "/api/v1/accounts", {"login": "doimatkhau", "password": "ban-dau-2026-abc", "role": "viewer",
                                                 "unit_id": admin.unit_id("10")}, expect=201)
        first = Client(self.server.port)
        first.sign_in("doimatkhau", "ban-dau-2026-abc")
        second = Client(self.server.port)
        second.sign_in("doimatkhau", "ban-dau-2026-abc")
        status, body = first.json("PUT", "/api/v1/me/password", {"current_password": "sai", "new_password": "x" * 12})
        self.assertEqual(status, 422)
        first.json("PUT", "/api/v1/me/password", {"current_password": "ban-dau-2026-abc",
                                                  "new_password": "mat-khau-moi-2026"}, expect=200)
        self.assertEqual(first.request("GET", "/api/v1/session").status, 200)
        self.assertEqual(second.request("GET", "/api/v1/session").status, 401)
        Client(self.server.port).sign_in("doimatkhau", "mat-khau-moi-2026")


class UnitsAndPeople(DemoServer):
    def test_accent_insensitive_search_in_api_and_page(self):
        admin = self.client("admin")
        _, body = admin.json("GET", "/api/v1/units?q=bat+xat", expect=200)
        names = sorted(unit["full_name"] for unit in body["items"])
        self.assertEqual(names, ["Huyện Bát Xát", "Thị trấn Bát Xát"])
        page = admin.request("GET", "/quan-tri/don-vi?q=bat+xat").data.decode()
        self.assertIn("Huyện Bát Xát", page)
        self.assertNotIn("Huyện Bảo Thắng", page)
        _, body = admin.json("GET", "/api/v1/units?level=district&per_page=20", expect=200)
        self.assertEqual(body["total"], 9)

    def test_list_is_in_vietnamese_order_and_paginates(self):
        admin = self.client("admin")
        _, body = admin.json("GET", "/api/v1/units?level=district", expect=200)
        names = [unit["name"] for unit in body["items"]]
        self.assertEqual(names[:4], ["Bảo Thắng", "Bảo Yên", "Bát Xát", "Bắc Hà"])
        _, first = admin.json("GET", "/api/v1/units?level=commune&per_page=50&page=1", expect=200)
        _, second = admin.json("GET", "/api/v1/units?level=commune&per_page=50&page=2", expect=200)
        self.assertEqual(first["total"], 151)
        self.assertFalse({u["id"] for u in first["items"]} & {u["id"] for u in second["items"]})

    def test_cached_unit_list_shows_a_change_at_once(self):
        admin = self.client("admin")
        path = "/quan-tri/don-vi?q=nam+chac"
        self.assertIn("Xã Nậm Chạc", admin.request("GET", path).data.decode())
        unit = admin.unit_id("02689")
        _, current = admin.json("GET", f"/api/v1/units/{unit}", expect=200)
        admin.json("PATCH", f"/api/v1/units/{unit}", {"full_name": "Xã Nậm Chạc mới", "version": current["version"]},
                   expect=200)
        self.assertIn("Xã Nậm Chạc mới", admin.request("GET", path).data.decode())
        officer = self.client("xa.amusung")
        self.assertNotIn("Nậm Chạc", officer.request("GET", path).data.decode())
        admin.json("PATCH", f"/api/v1/units/{unit}", {"full_name": "Xã Nậm Chạc", "version": current["version"] + 1},
                   expect=200)

    def test_person_crud_with_stale_version_conflict_and_audit(self):
        admin = self.client("admin")
        unit = admin.unit_id("082")
        _, person = admin.json("POST", "/api/v1/people", {"full_name": "Vàng Thị Mai", "unit_id": unit,
                                                         "position": "Cán bộ", "phone": "0912 345 678"}, expect=201)
        _, updated = admin.json("PATCH", f"/api/v1/people/{person['id']}",
                                {"position": "Phó Trưởng ban", "version": person["version"]}, expect=200)
        self.assertEqual(updated["position"], "Phó Trưởng ban")
        status, body = admin.json("PATCH", f"/api/v1/people/{person['id']}",
                                  {"position": "Trưởng ban", "version": person["version"]})
        self.assertEqual(status, 409)
        self.assertIn("người khác sửa", body["error"]["message"])
        status, body = admin.json("POST", "/api/v1/people", {"full_name": "", "unit_id": unit, "email": "khong-hop-le"})
        self.assertEqual(status, 422)
        self.assertIn("full_name", body["error"]["fields"])
        self.assertIn("email", body["error"]["fields"])
        _, audit = admin.json("GET", "/api/v1/audit?per_page=5", expect=200)
        actions = [entry["action"] for entry in audit["items"]]
        self.assertIn("person.update", actions)
        verify = self.store.cli("audit", "verify")
        self.assertIn("intact", verify.stdout)

    def test_script_in_fields_comes_out_inert(self):
        admin = self.client("admin")
        payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
        _, person = admin.json("POST", "/api/v1/people", {"full_name": payload, "unit_id": admin.unit_id("082")},
                               expect=201)
        page = admin.request("GET", "/quan-tri/nhan-su?q=" + urllib.parse.quote("script")).data.decode()
        self.assertNotIn("<script>alert", page)
        self.assertIn("&lt;script&gt;alert", page)
        search = admin.request("GET", "/quan-tri/don-vi?q=" + urllib.parse.quote(payload)).data.decode()
        self.assertNotIn("<img src=x", search)


# role × route × unit: the expected HTTP status for each account acting on a unit in or out of its scope.
PERMISSIONS = [
    # login,        method, path template,                 target unit, expected
    ("admin",        "GET",  "/api/v1/units/{unit}",         "02689", 200),
    ("huyen.batxat", "GET",  "/api/v1/units/{unit}",         "02689", 200),
    ("huyen.batxat", "GET",  "/api/v1/units/{unit}",         "086",   403),
    ("xa.amusung",   "GET",  "/api/v1/units/{unit}",         "02686", 200),
    ("xa.amusung",   "GET",  "/api/v1/units/{unit}",         "02689", 403),
    ("xa.amusung",   "GET",  "/api/v1/units/{unit}",         "082",   403),
    ("xem",          "GET",  "/api/v1/units/{unit}",         "02689", 200),
    ("admin",        "POST", "/api/v1/people",               "02689", 201),
    ("huyen.batxat", "POST", "/api/v1/people",               "02689", 201),
    ("huyen.batxat", "POST", "/api/v1/people",               "086",   403),
    ("xa.amusung",   "POST", "/api/v1/people",               "02686", 201),
    ("xa.amusung",   "POST", "/api/v1/people",               "02689", 403),
    ("xem",          "POST", "/api/v1/people",               "02689", 403),
    ("so.vhttdl",    "POST", "/api/v1/people",               "02689", 403),
    ("admin",        "PATCH", "/api/v1/units/{unit}",        "02689", 200),
    ("huyen.batxat", "PATCH", "/api/v1/units/{unit}",        "02689", 403),
    ("xa.amusung",   "PATCH", "/api/v1/units/{unit}",        "02686", 403),
    ("admin",        "GET",  "/api/v1/accounts",             None,    200),
    ("huyen.batxat", "GET",  "/api/v1/accounts",             None,    403),
    ("xa.amusung",   "GET",  "/api/v1/accounts",             None,    403),
    ("xa.amusung",   "GET",  "/api/v1/audit",                None,    403),
    ("admin",        "GET",  "/api/v1/audit",                None,    200),
    ("xa.amusung",   "POST", "/api/v1/accounts",             "02686", 403),
    ("admin",        "POST", "/api/v1/accounts",             "02686", 201),
    ("xa.amusung",   "GET",  "/quan-tri/don-vi/{unit}",      "02689", 403),
    ("xa.amusung",   "GET",  "/quan-tri/don-vi/{unit}",      "02686", 200),
    ("huyen.batxat", "GET",  "/quan-tri/tai-khoan",          None,    403),
]


class Permissions(DemoServer):
    def test_role_route_unit_table(self):
        admin = self.client("admin")
        ids = {code: admin.unit_id(code) for code in ("082", "086", "02686", "02689")}
        clients = {}
        for number, (login, method, template, unit, expected) in enumerate(PERMISSIONS):
            client = clients.setdefault(login, self.client(login))
            path = template.replace("{unit}", str(ids.get(unit, 0)))
            body = None
            if path == "/api/v1/people":
                body = {"full_name": f"Người thử {number}", "unit_id": ids[unit]}
            elif path == "/api/v1/accounts" and method == "POST":
                body = {"login": f"thu.{number}", "password": "mat-khau-thu-2026", "role": "viewer",
                        "unit_id": ids[unit]}
            elif method == "PATCH":
                _, current = admin.json("GET", path)
                body = {"name": current["name"], "version": current["version"]}
            response = client.request(method, path, json_body=body) if body is not None else client.request(method, path)
            with self.subTest(login=login, method=method, path=template, unit=unit):
                self.assertEqual(response.status, expected, response.data[:200])

    def test_commune_officer_lists_only_their_commune(self):
        officer = self.client("xa.amusung")
        _, body = officer.json("GET", "/api/v1/units?q=bat+xat", expect=200)
        self.assertEqual(body["total"], 0)
        _, body = officer.json("GET", "/api/v1/people?per_page=200", expect=200)
        self.assertTrue(body["items"])
        self.assertTrue(all(p["unit_name"] == "Xã A Mú Sung" or "A Mú Sung" in p["unit_name"] for p in body["items"]))

    def test_every_api_route_in_openapi_exists(self):
        client = self.client()
        response = client.request("GET", "/api/v1/openapi.json")
        self.assertEqual(response.status, 200)
        document = json.loads(response.data)
        self.assertTrue(document["openapi"].startswith("3."))
        self.assertIn("/api/v1/units", document["paths"])
        self.assertIn("/api/v1/session", document["paths"])
        for path, operations in document["paths"].items():
            for method in operations:
                concrete = re.sub(r"\{[^}]+\}", "1", path)
                answer = client.request(method.upper(), concrete, json_body={} if method != "get" else None)
                with self.subTest(path=path, method=method):
                    self.assertNotEqual(answer.status, 405)
                    if answer.status == 404:
                        self.assertNotIn(b'"code":"not_found","message":"Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y trang', answer.data)


PUBLIC_ROUTES = {
    ("GET", "/"), ("GET", "/healthz"), ("GET", "/readyz"), ("GET", "/metrics"), ("GET", "/static/{*path}"),
    ("GET", "/favicon.ico"), ("GET", "/api/v1/openapi.json"), ("GET", "/dang-nhap"), ("POST", "/dang-nhap"),
    ("POST", "/dang-xuat"), ("POST", "/api/v1/session"),
    # The public sites (also under "/{site}/…") and their pictures and documents: open to every reader.
    ("GET", "/chuyen-muc/{section}"), ("GET", "/bai-viet/{item}"), ("GET", "/bai-viet/{item}/in"),
    ("GET", "/the/{tag}"), ("GET", "/luu-tru/{year}/{month}"), ("GET", "/van-ban"), ("GET", "/tim-kiem"),
    ("GET", "/rss.xml"), ("GET", "/chuyen-muc/{section}/rss.xml"), ("GET", "/sitemap.xml"),
    ("GET", "/sitemap-tin-tuc.xml"), ("POST", "/bai-viet/{item}/danh-gia"), ("GET", "/media/{id}/{variant}"),
    # iCalendar feeds: calendar apps cannot sign in, so the unguessable token in the path is the key.
    ("GET", "/lich-tuyen-van/{token}"),
}

# What a commune officer gets on routes that name no object; routes that name one must answer 403 or
# 404 when the object lies outside the officer's commune.
OFFICER_WITHOUT_IDS = {
    ("GET", "/quan-tri"): 200,
    ("GET", "/quan-tri/don-vi"): 200,
    ("GET", "/quan-tri/don-vi/moi"): 403,
    ("POST", "/quan-tri/don-vi"): 403,
    ("GET", "/quan-tri/nhan-su"): 200,
    ("GET", "/quan-tri/nhan-su/moi"): 200,
    ("POST", "/quan-tri/nhan-su"): 403,
    ("GET", "/quan-tri/tai-khoan"): 403,
    ("GET", "/quan-tri/tai-khoan/moi"): 403,
    ("POST", "/quan-tri/tai-khoan"): 403,
    ("GET", "/quan-tri/nhat-ky"): 403,
    ("GET", "/tai-khoan/mat-khau"): 200,
    ("POST", "/tai-khoan/mat-khau"): 422,
    ("GET", "/quan-tri/trang"): 200,
    ("POST", "/quan-tri/trang"): 403,
    # The column's statistics: 200 with the sites of the officer's own subtree (never Nậm Chạc's), else 403.
    ("GET", "/quan-tri/trang/thong-ke"): (200, 403),
    ("GET", "/quan-tri/trang/thong-ke.csv"): (200, 403),
    ("GET", "/api/v1/portal/statistics"): (200, 403),
    ("GET", "/api/v1/sites"): 200,
    ("POST", "/api/v1/sites"): 403,
    ("GET", "/api/v1/session"): 200,
    ("DELETE", "/api/v1/session"): 200,
    ("PUT", "/api/v1/me/password"): 422,
    ("GET", "/api/v1/units"): 200,
    ("POST", "/api/v1/units"): 403,
    ("GET", "/api/v1/people"): 200,
    ("POST", "/api/v1/people"): 403,
    ("GET", "/api/v1/accounts"): 403,
    ("POST", "/api/v1/accounts"): 403,
    ("GET", "/api/v1/audit"): 403,
    # Notifications: everyone has their own list (the routes that name one answer 404 for others').
    ("GET", "/thong-bao"): 200,
    ("POST", "/thong-bao/doc-het"): 303,
    ("GET", "/api/v1/notifications"): 200,
    ("POST", "/api/v1/notifications/read-all"): 200,
    ("GET", "/quan-tri/tuyen-van"): 200,
    # Monthly conferences: calendars and lists show only the caller's units (or say there are none).
    ("GET", "/quan-tri/tuyen-van/lich"): 200,
    ("GET", "/quan-tri/tuyen-van/hoi-nghi/moi"): 200,
    ("POST", "/quan-tri/tuyen-van/hoi-nghi"): 403,
    ("GET", "/quan-tri/tuyen-van/thoi-han"): 200,
    ("POST", "/quan-tri/tuyen-van/thoi-han"): 403,
    ("GET", "/api/v1/outreach/conferences"): 200,
    ("POST", "/api/v1/outreach/conferences"): 403,
    ("GET", "/api/v1/outreach/deadline-rules"): 200,
    ("POST", "/api/v1/outreach/deadline-rules"): 403,
    # Logbooks: the entry page lists only the caller's own units.
    ("GET", "/quan-tri/tuyen-van/so-nhat-ky"): 200,
    # Supervision: the home lists only the caller's units; reminders and reprimands need kOutreachSupervise.
    ("GET", "/quan-tri/tuyen-van/giam-sat"): 200,
    ("POST", "/api/v1/outreach/supervision/reminders"): 403,
    ("POST", "/api/v1/outreach/supervision/reprimands"): 403,
    # Rotation: the home lists only the caller's levels and departments; a proposal names a unit (403 elsewhere).
    ("GET", "/quan-tri/tuyen-van/luan-phien"): 200,
    # "My schedule" redirects a cadre linked to a person, else says the account has no cadre record.
    ("GET", "/quan-tri/tuyen-van/lich-cua-toi"): (303, 404),
    ("POST", "/api/v1/outreach/rotation/proposal"): 403,
    # Evaluations: criteria sets are read by everyone with outreach rights and set by the province; a filing names
    # no attendance here (422), or comes from someone without outreach rights (403); the form needs an assignment.
    ("GET", "/quan-tri/tuyen-van/tieu-chi"): (200, 403),
    ("POST", "/quan-tri/tuyen-van/tieu-chi"): 403,
    ("GET", "/quan-tri/tuyen-van/danh-gia/moi"): 404,
    ("POST", "/quan-tri/tuyen-van/danh-gia/moi"): (403, 404),
    ("GET", "/api/v1/outreach/criteria-sets"): (200, 403),
    ("POST", "/api/v1/outreach/criteria-sets"): 403,
    ("POST", "/api/v1/outreach/evaluations"): (403, 422),
}


class EveryRoute(DemoServer):
    """Every route the server has: anonymous callers are turned away, a commune officer reaches
    nothing outside the commune, and a state change without the CSRF token is refused."""

    def routes(self):
        output = subprocess.run([BIN, "serve", *self.store.args, "--print-routes"], capture_output=True, text=True,
                                timeout=60, check=True).stdout
        return [tuple(line.split()[:2]) for line in output.splitlines() if line.strip()]

    def fill(self, pattern, ids):
        path = pattern
        for name, value in ids.items():
            path = path.replace("{" + name + "}", str(value))
        return path

    def test_every_route_is_guarded(self):
        admin = self.client("admin")
        other_unit = admin.unit_id("02689")  # Xã Nậm Chạc, not the officer's commune
        _, person = admin.json("POST", "/api/v1/people", {"full_name": "Hoàng Văn Nam", "unit_id": other_unit},
                               expect=201)
        _, account = admin.json("POST", "/api/v1/accounts", {"login": "xa.namchac", "password": "canbo-namchac-2026",
                                                            "role": "commune_officer", "unit_id": other_unit},
                                expect=201)
        ids = {"id": other_unit, "grant": account["grants"][0]["id"], "evaluation": self.namchac_evaluation(admin)}
        routes = self.routes()
        self.assertGreater(len(routes), 30)
        # Every role but the administrator's, each placed where Xã Nậm Chạc lies outside its subtree.
        extra = [("huyen.baothang", "district_officer", "086"), ("xem.amusung", "viewer", "02686"),
                 ("ctv.amusung", "contributor", "02686"), ("bt.baothang", "editor", "086"),
                 ("vp.baothang", "province_office", "086")]
        for login, role, code in extra:
            admin.json("POST", "/api/v1/accounts", {"login": login, "password": "mat-khau-vai-tro-2026", "role": role,
                                                     "unit_id": admin.unit_id(code)}, expect=201)
        logins = [("xa.amusung", None), ("so.vhttdl", None)] + [(login, "mat-khau-vai-tro-2026")
                                                                 for login, _, _ in extra]
        for login, password in logins:
            officer = Client(self.server.port)
            officer.sign_in(login, password)
            with self.subTest(login=login):
                self.check_routes(routes, officer, ids, person, account, other_unit)

    def namchac_evaluation(self, admin):
        """An evaluation of Xã Nậm Chạc's conference by a department other than the Sở Văn hóa (so.vhttdl's)."""
        month = datetime.date.today().replace(day=1)
        for _ in range(24):
            month = (month - datetime.timedelta(days=1)).replace(day=1)
            _, board = admin.json("GET", f"/api/v1/outreach/supervision/units/{admin.unit_id('02689')}/board?month="
                                  + month.strftime("%Y-%m"), expect=200)
            for line in board["communes"]:
                for due in line["evaluations"]:
                    if due["evaluation_id"] and "Văn hóa" not in due["agency_name"]:
                        return due["evaluation_id"]
        raise AssertionError("the demo has no evaluation of Xã Nậm Chạc")

    def check_routes(self, routes, officer, ids, person, account, other_unit):
        body = {"unit_id": other_unit, "parent_id": other_unit, "full_name": "Thử", "name": "Thử", "kind": "Xã",
                "level": "commune", "login": "thu.quyen", "password": "mat-khau-thu-2026", "role": "viewer",
                "current_password": "sai-mat-khau", "new_password": "mat-khau-moi-2026",
                "confirm_password": "mat-khau-moi-2026"}
        checked = 0
        # The officer's own sign-out goes last, so that it does not end the session under test.
        routes = sorted(routes, key=lambda r: r == ("DELETE", "/api/v1/session"))
        for method, pattern in routes:
            if (method, pattern) in PUBLIC_ROUTES or pattern.startswith("/{site}"):
                continue
            family_ids = dict(ids)
            if "/nhan-su/" in pattern or "/people/" in pattern:
                family_ids["id"] = person["id"]
            if "/tai-khoan/" in pattern or "/accounts/" in pattern:
                family_ids["id"] = account["id"]
            if pattern.startswith("/quan-tri/tuyen-van/danh-gia/") or pattern.startswith("/api/v1/outreach/evaluations/"):
                family_ids["id"] = ids["evaluation"]
            path = self.fill(pattern, family_ids)
            api = pattern.startswith("/api/")
            anonymous = Client(self.server.port).request(method, path, json_body={} if method != "GET" else None)
            with self.subTest(who="anonymous", method=method, route=pattern):
                if api:
                    self.assertEqual(anonymous.status, 401)
                else:
                    self.assertEqual(anonymous.status, 303)
                    self.assertTrue(anonymous.getheader("Location").startswith("/dang-nhap"))
            if method != "GET":
                no_token = officer.request(method, path, json_body=body, csrf=False) if api else officer.form(path, body)
                with self.subTest(who="officer without CSRF token", method=method, route=pattern):
                    self.assertIn(no_token.status, (403, 404) if "{" in pattern else (403,))
            if api or method == "GET":
                answer = officer.request(method, path, json_body=body if method != "GET" else None)
            else:
                page = officer.request("GET", "/quan-tri").data.decode()
                token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
                answer = officer.form(path, dict(body, csrf_token=token))
            with self.subTest(who="officer", method=method, route=pattern):
                if "{" in pattern:
                    self.assertIn(answer.status, (403, 404), answer.data[:200])
                else:
                    self.assertIn((method, pattern), OFFICER_WITHOUT_IDS, "a route the table does not cover")
                    expected = OFFICER_WITHOUT_IDS[(method, pattern)]
                    if isinstance(expected, tuple):  # scoped to the officer's subtree: some see their own part
                        self.assertIn(answer.status, expected, answer.data[:200])
                    else:
                        self.assertEqual(answer.status, expected, answer.data[:200])
                    if method == "GET" and answer.status == 200:
                        self.assertNotIn("Nậm Chạc", answer.data.decode())
                        self.assertNotIn("Hoàng Văn Nam", answer.data.decode())
            checked += 1
        self.assertGreater(checked, 25)


class Lifecycle(unittest.TestCase):
    """Start-up, shutdown, crashes, backups: each test has its own database."""

    def setUp(self):
        self.store = Store()
        self.store.cli("demo", "--items", "120", "--pictures", "3", "--scale", "district")

    def tearDown(self):
        self.store.drop()

    def test_sigterm_drains_and_exits_zero(self):
        server = Server(self.store)
        client = Client(server.port)
        client.sign_in("admin")
        self.assertEqual(server.stop(signal.SIGTERM), 0)

    def test_behind_a_tls_proxy_cookies_are_secure_and_the_forwarded_address_is_used(self):
        server = Server(self.store, extra=("--trust-proxy",))
        try:
            client = Client(server.port)
            response = client.request("POST", "/api/v1/session", json_body={"login": "admin", "password": DEMO["admin"]},
                                      headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"})
            self.assertEqual(response.status, 201)
            self.assertIn("Secure", response.getheader("Set-Cookie"))
            client.csrf = json.loads(response.data)["csrf_token"]
            _, audit = client.json("GET", "/api/v1/audit?per_page=1", expect=200)
            self.assertEqual(audit["items"][0]["action"], "session.sign_in")
            self.assertEqual(audit["items"][0]["address"], "203.0.113.7")
        finally:
            server.stop()
        plain = Server(self.store)
        try:
            response = Client(plain.port).request("POST", "/api/v1/session",
                                                  json_body={"login": "admin", "password": DEMO["admin"]})
            self.assertNotIn("Secure", response.getheader("Set-Cookie"))
        finally:
            plain.stop()

    def test_acknowledged_writes_survive_kill_9(self):
        server = Server(self.store)
        client = Client(server.port)
        client.sign_in("admin")
        unit = client.unit_id("082")
        acknowledged = []
        lock = threading.Lock()
        stop = threading.Event()

        def writer(worker):
            own = Client(server.port)
            own.cookies, own.csrf = dict(client.cookies), client.csrf
            for i in range(400):
                if stop.is_set():
                    return
                try:
                    response = own.request("POST", "/api/v1/people",
                                           json_body={"full_name": f"Cán bộ {worker}-{i}", "unit_id": unit})
                except OSError:
                    return
                if response.status == 201:
                    with lock:
                        acknowledged.append(json.loads(response.data)["id"])

        threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
        for thread in threads:
            thread.start()
        while len(acknowledged) < 60 and any(t.is_alive() for t in threads):
            threading.Event().wait(0.05)
        server.proc.send_signal(signal.SIGKILL)
        server.proc.wait()
        stop.set()
        for thread in threads:
            thread.join(30)
        self.assertGreater(len(acknowledged), 0)
        again = Server(self.store)
        try:
            check = Client(again.port)
            check.sign_in("admin")
            for person in acknowledged:
                self.assertEqual(check.request("GET", f"/api/v1/people/{person}").status, 200, person)
        finally:
            again.stop()
        self.assertIn("intact", self.store.cli("audit", "verify").stdout)

    def test_backup_while_serving_and_restore(self):
        server = Server(self.store)
        try:
            client = Client(server.port)
            client.sign_in("admin")
            _, person = client.json("POST", "/api/v1/people", {"full_name": "Đinh Thị Xuân",
                                                               "unit_id": client.unit_id("082")}, expect=201)
            backup = os.path.join(self.store.dir, "backup.bin")
            self.store.cli("backup", "--to", backup)
            self.assertTrue(os.path.getsize(backup) > 0)
        finally:
            server.stop()
        target = Store()
        try:
            target.cli("restore", "--from", backup)
            restored = Server(target)
            try:
                check = Client(restored.port)
                check.sign_in("admin")
                _, body = check.json("GET", f"/api/v1/people/{person['id']}", expect=200)
                self.assertEqual(body["full_name"], "Đinh Thị Xuân")
            finally:
                restored.stop()
        finally:
            target.drop()

    def test_create_user_reads_the_password_from_stdin(self):
        result = self.store.cli("create-user", "--login", "canbo.moi", "--role", "district_officer", "--unit", "082",
                                stdin="mat-khau-canbo-moi\n")
        self.assertIn("created", result.stdout)
        bad = self.store.cli("create-user", "--login", "canbo.khac", "--role", "vua", "--unit", "082",
                             stdin="mat-khau-canbo-moi\n", check=False)
        self.assertNotEqual(bad.returncode, 0)
        server = Server(self.store)
        try:
            Client(server.port).sign_in("canbo.moi", "mat-khau-canbo-moi")
        finally:
            server.stop()

    def test_import_is_idempotent_and_a_bad_row_changes_nothing(self):
        source = os.path.join(os.environ.get("TUYENVAN_SOURCE_DIR", "."), "data", "units")
        for name in ("lao-cai-before-2025-07.csv", "lao-cai-from-2025-07.csv"):
            result = self.store.cli("import-units", os.path.join(source, name))
            self.assertIn("unit(s) added", result.stdout)
        again = self.store.cli("import-units", os.path.join(source, "lao-cai-from-2025-07.csv"))
        self.assertIn("0 unit(s) added", again.stdout)
        bad = os.path.join(self.store.dir, "bad.csv")
        with open(bad, "w", encoding="utf-8") as out:
            out.write("code,parent_code,level,kind,name,full_name,name_en\n99,,province,Tỉnh,X,Tỉnh X,X\n"
                      "99001,99,hamlet,Xã,Y,Xã Y,Y\n")
        failed = self.store.cli("import-units", bad, check=False)
        self.assertNotEqual(failed.returncode, 0)
        self.assertIn("Dòng 3", failed.stderr)
        server = Server(self.store)
        try:
            admin = Client(server.port)
            admin.sign_in("admin")
            _, body = admin.json("GET", "/api/v1/units?q=99", expect=200)
            self.assertFalse([u for u in body["items"] if u["code"] == "99"])
        finally:
            server.stop()

    def test_settings_come_from_flags_then_environment_then_toml(self):
        help_text = subprocess.run([BIN, "serve", "--help"], capture_output=True, text=True, timeout=30).stdout
        for flag in ("--data", "--database", "--listen", "--threads", "--db-pool", "--trust-proxy", "--access-log",
                     "--drain-seconds", "--config", "TUYENVAN_LISTEN"):
            self.assertIn(flag, help_text)
        config = os.path.join(self.store.dir, "tuyenvan.toml")
        with open(config, "w", encoding="utf-8") as out:
            out.write('listen = "127.0.0.1:1"\naccess_log = "off"\n')
        # The environment beats the file: port 0 from TUYENVAN_LISTEN, not port 1 from the file.
        env = dict(os.environ, TUYENVAN_LISTEN="127.0.0.1:0", TUYENVAN_CONFIG=config)
        proc = subprocess.Popen([BIN, "serve", *self.store.args], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            line = proc.stdout.readline()
            self.assertRegex(line, r"listening on http://127\.0\.0\.1:\d+")
            self.assertNotIn(":1\n", line)
        finally:
            proc.send_signal(signal.SIGTERM)
            self.assertEqual(proc.wait(20), 0)
        # A flag beats both.
        proc = subprocess.Popen([BIN, "serve", *self.store.args, "--listen", "127.0.0.1:0"],
                                env=dict(os.environ, TUYENVAN_CONFIG=config), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            self.assertIn("listening on", proc.stdout.readline())
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(20)

    @unittest.skipUnless(ENGINE == "sqlite", "tampering is shown on the SQLite file")
    def test_audit_verify_detects_tampering(self):
        self.assertIn("intact", self.store.cli("audit", "verify").stdout)
        database = os.path.join(self.store.dir, "tuyenvan.db")
        subprocess.run(["sqlite3", database, "DROP TRIGGER audit_log_no_update; "
                        "UPDATE audit_log SET actor = 'ke-gian' WHERE id = 2;"], check=True)
        result = self.store.cli("audit", "verify", check=False)
        self.assertEqual(result.returncode, 3)
        self.assertIn("TAMPERED at entry 2", result.stdout)


if __name__ == "__main__":
    unittest.main()
