"""Notifications end to end: the real binary with an SMTP sink on loopback; an administrator grants a
role through the API, the account sees the notification on /thong-bao and in the API, the e-mail
arrives with its Vietnamese subject, and nobody else can read or mark it."""
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import unittest

from harness import ENGINE, PG_ADMIN, Client, Server, Store, with_database

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from smtp_sink import SmtpSink  # noqa: E402

TITLE = "Bạn được giao vai trò Cán bộ cấp xã tại Xã A Mú Sung"
EMAIL = "giang.seo.phu@laocai.gov.vn"


class Notifications(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sink = SmtpSink()
        cls.store = Store()
        cls.store.cli("demo", "--items", "20", "--pictures", "1", "--scale", "district")
        cls.server = Server(cls.store, ["--smtp-url", cls.sink.url, "--smtp-from", "tuyenvan@laocai.dcs.vn"])
        admin = cls.client("admin")
        unit = admin.unit_id("02686")
        _, person = admin.json("POST", "/api/v1/people", {"full_name": "Giàng Seo Phử", "unit_id": unit,
                                                          "email": EMAIL}, expect=201)
        _, cls.account = admin.json("POST", "/api/v1/accounts", {
            "login": "giang.seo.phu", "password": "mat-khau-thong-bao-2026", "role": "viewer", "unit_id": unit,
            "person_id": person["id"]}, expect=201)
        admin.json("POST", f"/api/v1/accounts/{cls.account['id']}/grants",
                   {"role": "commune_officer", "unit_id": unit}, expect=201)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.store.drop()
        cls.sink.stop()

    @classmethod
    def client(cls, login, password=None):
        client = Client(cls.server.port)
        client.sign_in(login, password)
        return client

    def owner(self):
        return self.client("giang.seo.phu", "mat-khau-thong-bao-2026")

    def granted(self, client):
        _, body = client.json("GET", "/api/v1/notifications", expect=200)
        found = [n for n in body["items"] if n["title"] == TITLE]
        self.assertEqual(len(found), 1, body)
        return found[0], body

    def test_1_the_account_sees_the_notification_in_the_api_and_on_the_page(self):
        owner = self.owner()
        notification, body = self.granted(owner)
        self.assertEqual(notification["kind"], "role_granted")
        self.assertEqual(notification["link"], "/quan-tri")
        self.assertFalse(notification["read"])
        self.assertIsNone(notification["read_at"])
        self.assertIn("Xã A Mú Sung", notification["body"])
        self.assertGreaterEqual(body["unread"], 1)
        self.assertEqual(body["page"], 1)
        page = owner.request("GET", "/thong-bao")
        self.assertEqual(page.status, 200)
        html = page.data.decode()
        self.assertIn(TITLE, html)
        self.assertIn('<html lang="vi">', html)
        self.assertIn(f'action="/thong-bao/{notification["id"]}/da-doc"', html)
        # The header of every page shows the unread count next to the link.
        dashboard = owner.request("GET", "/quan-tri").data.decode()
        self.assertRegex(dashboard, r'href="/thong-bao">Thông báo <span class="badge">\d+<span class="visually-hidden"> chưa đọc')

    def test_2_the_email_arrives_with_its_vietnamese_subject(self):
        entry = self.sink.wait_for(lambda e: EMAIL in e["to"], timeout=20)
        self.assertIsNotNone(entry, "no e-mail reached the sink")
        message = entry["message"]
        self.assertEqual(entry["from"], "tuyenvan@laocai.dcs.vn")
        self.assertEqual(str(message["Subject"]), TITLE)
        self.assertIn(b"Subject: =?UTF-8?B?", entry["data"])
        self.assertEqual(message["To"].addresses[0].display_name, "Giàng Seo Phử")
        self.assertEqual(message["From"].addresses[0].display_name, "Tuyên vận Lào Cai")
        self.assertTrue(message["Message-ID"].startswith("<outbox-"))
        self.assertEqual(message.get_content_type(), "text/plain")
        text = message.get_content()
        self.assertIn("Kính gửi đồng chí Giàng Seo Phử", text)
        self.assertIn("/thong-bao", text)

    def test_3_another_account_cannot_read_or_mark_it(self):
        owner = self.owner()
        notification, _ = self.granted(owner)
        other = self.client("xa.amusung")
        _, theirs = other.json("GET", "/api/v1/notifications", expect=200)
        self.assertNotIn(notification["id"], [n["id"] for n in theirs["items"]])
        self.assertNotIn(TITLE, other.request("GET", "/thong-bao").data.decode())
        status, error = other.json("POST", f"/api/v1/notifications/{notification['id']}/read")
        self.assertEqual(status, 404)
        self.assertEqual(error["error"]["message"], "Không tìm thấy thông báo.")
        page = other.request("GET", "/thong-bao").data.decode()
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        form = other.form(f"/thong-bao/{notification['id']}/da-doc", {"csrf_token": token})
        self.assertEqual(form.status, 404)
        other.json("POST", "/api/v1/notifications/read-all", expect=200)
        still, _ = self.granted(owner)
        self.assertFalse(still["read"])
        # Without a session: 401 for the API, the sign-in page for the page.
        anonymous = Client(self.server.port)
        self.assertEqual(anonymous.request("GET", "/api/v1/notifications").status, 401)
        self.assertEqual(anonymous.request("GET", "/thong-bao").status, 303)

    def test_4_the_owner_marks_it_read_with_csrf(self):
        owner = self.owner()
        notification, _ = self.granted(owner)
        no_token = owner.request("POST", f"/api/v1/notifications/{notification['id']}/read", json_body={},
                                 csrf=False)
        self.assertEqual(no_token.status, 403)
        page = owner.request("GET", "/thong-bao").data.decode()
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        self.assertEqual(owner.form(f"/thong-bao/{notification['id']}/da-doc", {"csrf_token": "sai"}).status, 403)
        done = owner.form(f"/thong-bao/{notification['id']}/da-doc", {"csrf_token": token})
        self.assertEqual(done.status, 303)
        self.assertEqual(done.getheader("Location"), "/thong-bao")
        read, body = self.granted(owner)
        self.assertTrue(read["read"])
        self.assertIsInstance(read["read_at"], int)
        self.assertNotIn(f'action="/thong-bao/{notification["id"]}/da-doc"',
                         owner.request("GET", "/thong-bao").data.decode())
        # A second grant, then "mark all" through the page's form.
        admin = self.client("admin")
        admin.json("POST", f"/api/v1/accounts/{self.account['id']}/grants",
                   {"role": "contributor", "unit_id": admin.unit_id("02686")}, expect=201)
        _, body = owner.json("GET", "/api/v1/notifications", expect=200)
        self.assertEqual(body["unread"], 1)
        self.assertEqual(body["items"][0]["title"], "Bạn được giao vai trò Cộng tác viên tại Xã A Mú Sung")
        all_read = owner.form("/thong-bao/doc-het", {"csrf_token": token})
        self.assertEqual(all_read.status, 303)
        after = owner.request("GET", all_read.getheader("Location")).data.decode()
        self.assertIn("Đã đánh dấu mọi thông báo là đã đọc.", after)
        self.assertIn("Không có thông báo chưa đọc.", after)
        _, body = owner.json("GET", "/api/v1/notifications", expect=200)
        self.assertEqual(body["unread"], 0)
        status, answer = owner.json("POST", "/api/v1/notifications/read-all", expect=200)
        self.assertEqual(answer["marked"], 0)

    def test_5_the_routes_are_in_the_openapi_document(self):
        document = json.loads(Client(self.server.port).request("GET", "/api/v1/openapi.json").data)
        self.assertIn("get", document["paths"]["/api/v1/notifications"])
        self.assertIn("post", document["paths"]["/api/v1/notifications/{id}/read"])
        self.assertIn("post", document["paths"]["/api/v1/notifications/read-all"])


class MailServerHangs(unittest.TestCase):
    """An SMTP server that accepts connections and never answers: requests and shutdown go on, and
    the message stays queued for a later attempt."""

    def test_shutdown_is_not_held_up_and_the_message_stays_queued(self):
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        store = Store()
        try:
            store.cli("demo", "--items", "0", "--pictures", "0", "--scale", "district")
            server = Server(store, ["--smtp-url", f"smtp://127.0.0.1:{listener.getsockname()[1]}",
                                    "--smtp-from", "tuyenvan@laocai.dcs.vn"])
            admin = Client(server.port)
            admin.sign_in("admin")
            unit = admin.unit_id("02686")
            _, person = admin.json("POST", "/api/v1/people", {"full_name": "Lù Thị Mai", "unit_id": unit,
                                                              "email": "lu.thi.mai@laocai.gov.vn"}, expect=201)
            _, account = admin.json("POST", "/api/v1/accounts", {
                "login": "lu.thi.mai", "password": "mat-khau-thong-bao-2026", "role": "viewer", "unit_id": unit,
                "person_id": person["id"]}, expect=201)
            started = time.monotonic()
            admin.json("POST", f"/api/v1/accounts/{account['id']}/grants", {"role": "editor", "unit_id": unit},
                       expect=201)
            self.assertLess(time.monotonic() - started, 2, "the request waited for e-mail")
            # The ticker runs every 2 s: by now it is inside a send that gets no answer.
            time.sleep(3)
            started = time.monotonic()
            self.assertEqual(server.stop(), 0)
            self.assertLess(time.monotonic() - started, 8)
            query = "SELECT status, attempts FROM mail_outbox WHERE to_address = 'lu.thi.mai@laocai.gov.vn'"
            if ENGINE == "postgres":
                out = subprocess.run(["psql", with_database(PG_ADMIN, store.name), "-Atc", query], check=True,
                                     capture_output=True, text=True).stdout.strip()
                rows = [tuple(line.split("|")) for line in out.splitlines()]
            else:
                with sqlite3.connect(os.path.join(store.dir, "tuyenvan.db")) as db:
                    rows = [(status, str(attempts)) for status, attempts in db.execute(query)]
            self.assertEqual(rows, [("queued", "1")])
        finally:
            listener.close()
            store.drop()


if __name__ == "__main__":
    unittest.main()
