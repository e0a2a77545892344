"""The rotation of attending agencies through HTTP: the proposal API with its reasons and timing, the level's
page (propose, change, publish) without JavaScript, CSRF, a retried publish written once, permissions (province
office, district officer limited to its district, commune officer refused), the notification and the e-mail
queued for the department, its "Lịch đi dự" page and its iCalendar feed parsed by Python's icalendar; a district
cadre's own schedule, "my schedule" and feed, and the notice (in the application and by e-mail) that reaches the
cadre when the commune moves its conference."""
import datetime
import os
import re
import sqlite3
import subprocess
import sys
import unittest
import urllib.parse

from harness import ENGINE, PG_ADMIN, Client, Server, Store, with_database

try:
    import icalendar
except ImportError:  # a Python other than Debian's: use Debian's package
    sys.path.append("/usr/lib/python3/dist-packages")
    import icalendar

EMAIL = "can.bo.vhttdl@laocai.gov.vn"


def this_month():
    # Vietnam's month (UTC+7), as the server judges "now".
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=7)).strftime("%Y-%m")


def last_month():
    first = datetime.date.fromisoformat(this_month() + "-01")
    return (first - datetime.timedelta(days=1)).strftime("%Y-%m")


def next_month():
    first = datetime.date.fromisoformat(this_month() + "-01")
    return (first + datetime.timedelta(days=40)).strftime("%Y-%m")


class OutreachRotation(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.store = Store()
        cls.store.cli("demo", "--items", "20", "--pictures", "1", "--scale", "district")
        cls.server = Server(cls.store)
        cls.admin = cls.client("admin")
        cls.province = cls.admin.unit_id("10")
        cls.batxat = cls.admin.unit_id("082")
        cls.baothang = cls.admin.unit_id("086")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.store.drop()

    @classmethod
    def client(cls, login=None, password=None):
        client = Client(cls.server.port)
        if login:
            client.sign_in(login, password)
        return client

    def query(self, sql):
        if ENGINE == "postgres":
            out = subprocess.run(["psql", with_database(PG_ADMIN, self.store.name), "-Atc", sql], check=True,
                                 capture_output=True, text=True).stdout.strip()
            return [tuple(line.split("|")) for line in out.splitlines()]
        with sqlite3.connect(os.path.join(self.store.dir, "tuyenvan.db")) as db:
            return [tuple(str(cell) for cell in row) for row in db.execute(sql)]

    def test_the_proposal_api_is_fast_and_explains_each_assignment(self):
        _, body = self.admin.json("POST", "/api/v1/outreach/rotation/proposal",
                                  {"unit_id": self.province, "month": next_month()}, expect=200)
        self.assertGreater(len(body["attendances"]), 100)
        self.assertLess(body["elapsed_ms"], 1000)
        for attendance in body["attendances"]:
            self.assertTrue(attendance["reasons"], attendance)
            self.assertTrue(attendance["agency_name"], attendance)
        counts = [load["total"] for load in body["loads"]]
        self.assertLessEqual(max(counts) - min(counts), 1)  # balanced without pins
        # The demo's 24 published months are the history: a share of 20 communes repeats no one.
        _, share = self.admin.json("POST", "/api/v1/outreach/rotation/proposal",
                                   {"unit_id": self.province, "month": this_month(), "coverage": "count",
                                    "count": 20}, expect=200)
        self.assertEqual(len(share["selected_communes"]), 20)
        self.assertEqual(share["window_breaks"], 0)
        status, error = self.admin.json("POST", "/api/v1/outreach/rotation/proposal",
                                        {"unit_id": self.province, "month": "13/2026"})
        self.assertEqual(status, 422)
        self.assertIn("Tháng không hợp lệ", error["error"]["message"])
        # Permissions: a commune officer no; a district officer for its district only; no CSRF token no.
        self.assertEqual(self.client("xa.amusung").json("POST", "/api/v1/outreach/rotation/proposal",
                                                        {"unit_id": self.province, "month": next_month()})[0], 403)
        district = self.client("huyen.batxat")
        self.assertEqual(district.json("POST", "/api/v1/outreach/rotation/proposal",
                                       {"unit_id": self.province, "month": next_month()})[0], 403)
        self.assertEqual(district.json("POST", "/api/v1/outreach/rotation/proposal",
                                       {"unit_id": self.baothang, "month": next_month()})[0], 403)
        _, own = district.json("POST", "/api/v1/outreach/rotation/proposal",
                               {"unit_id": self.batxat, "month": next_month()}, expect=200)
        self.assertEqual(own["level"]["agencies"], "people")
        no_token = self.admin.request("POST", "/api/v1/outreach/rotation/proposal",
                                      json_body={"unit_id": self.province, "month": next_month()}, csrf=False)
        self.assertEqual(no_token.status, 403)
        openapi = self.admin.json("GET", "/api/v1/openapi.json", expect=200)[1]
        self.assertIn("/api/v1/outreach/rotation/proposal", openapi["paths"])
        self.assertIn("/api/v1/outreach/units/{id}/rotation/publish", openapi["paths"])

    def test_the_page_proposes_and_publishes_without_javascript(self):
        month = next_month()
        home = self.admin.request("GET", "/quan-tri/tuyen-van/luan-phien")
        self.assertEqual(home.status, 200)
        self.assertIn(f"/quan-tri/tuyen-van/luan-phien/{self.province}", home.data.decode())
        page = self.admin.request("GET", f"/quan-tri/tuyen-van/luan-phien/{self.province}?thang={month}")
        self.assertEqual(page.status, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.data.decode()).group(1)
        path = f"/quan-tri/tuyen-van/luan-phien/{self.province}"
        self.assertEqual(self.admin.form(path + "/de-xuat", {"thang": month, "phu": "count", "so": "15"}).status, 403)
        bad = self.admin.form(path + "/de-xuat", {"csrf_token": token, "thang": month, "phu": "fraction",
                                                  "ty-le": "5/2"})
        self.assertEqual(bad.status, 422)
        self.assertIn("Tỉ lệ xã phải ghi dạng a/b", bad.data.decode())
        proposed = self.admin.form(path + "/de-xuat", {"csrf_token": token, "thang": month, "phu": "count",
                                                       "so": "15", "cua-so": "12"})
        self.assertEqual(proposed.status, 200)
        html = proposed.data.decode()
        self.assertIn("Đề xuất vừa lập", html)
        self.assertIn("Công bố", html)
        _, stored = self.admin.json("GET", f"/api/v1/outreach/units/{self.province}/rotation?month={month}",
                                    expect=200)
        # Fifteen communes; weak ones (the supervision's classification) get a second department.
        self.assertEqual(len({row["commune_id"] for row in stored["draft"]}), 15)
        visits = len(stored["draft"])
        self.assertGreaterEqual(visits, 15)
        # Change one commune's agency: it is pinned and the rest recomputed.
        commune = stored["draft"][0]["commune_id"]
        other = next(a["id"] for a in stored["agencies"] if a["id"] != stored["draft"][0]["agency_id"])
        changed = self.admin.form(path + "/doi", {"csrf_token": token, "thang": month, "phu": "count", "so": "15",
                                                  "xa": commune, "co-quan": other})
        self.assertEqual(changed.status, 200)
        self.assertIn("Đã ghim", changed.data.decode())
        published = self.admin.form(path + "/cong-bo", {"csrf_token": token, "thang": month})
        self.assertEqual(published.status, 303)
        self.assertIn("da-cong-bo=", published.getheader("Location"))
        again = self.admin.form(path + "/cong-bo", {"csrf_token": token, "thang": month})
        self.assertEqual(again.status, 303)
        self.assertIn("khong-doi=1", again.getheader("Location"))
        _, stored = self.admin.json("GET", f"/api/v1/outreach/units/{self.province}/rotation?month={month}",
                                    expect=200)
        self.assertEqual(stored["draft"], [])
        self.assertEqual(len({row["commune_id"] for row in stored["published"]}), 15)
        self.assertTrue(any(row["commune_id"] == commune and row["agency_id"] == other and row["pinned"]
                            for row in stored["published"]))
        audits = self.query("SELECT COUNT(*) FROM audit_log WHERE action = 'outreach.rotation.publish' AND "
                            f"entity_id = '{self.province}:{month}'")
        self.assertEqual(audits, [("1",)])
        # A commune officer cannot even read the province's rotation page.
        self.assertEqual(self.client("xa.amusung").request("GET", path).status, 403)

    def test_the_department_is_told_and_sees_the_conference_in_its_feed(self):
        month = last_month()
        _, stored = self.admin.json("GET", f"/api/v1/outreach/units/{self.province}/rotation?month={month}",
                                    expect=200)
        self.assertGreater(len(stored["published"]), 0)  # the demo's history
        culture = next(a for a in stored["agencies"] if a["name"] == "Sở Văn hóa, Thể thao và Du lịch")
        # A registered commune of last month that the department was not sent to.
        row = next(r for r in stored["published"] if r["conference_date"] and r["agency_id"] != culture["id"])
        # A department officer with an e-mail address.
        _, person = self.admin.json("POST", "/api/v1/people", {"full_name": "Lò Thị Hoa", "unit_id": culture["id"],
                                                               "email": EMAIL}, expect=201)
        self.admin.json("POST", "/api/v1/accounts", {"login": "lo.thi.hoa", "password": "mat-khau-so-vh-2026",
                                                     "role": "department_officer", "unit_id": culture["id"],
                                                     "person_id": person["id"]}, expect=201)
        status, _ = self.admin.json("PUT", f"/api/v1/outreach/units/{self.province}/rotation",
                                    {"month": month, "assignments": [{"commune_id": 0, "agency_id": 0}]})
        self.assertEqual(status, 422)
        self.assertEqual(self.admin.request("PUT", f"/api/v1/outreach/units/{self.province}/rotation",
                                            json_body={"month": month, "assignments": []}, csrf=False).status, 403)
        pairs = [{"commune_id": r["commune_id"], "agency_id": r["agency_id"]} for r in stored["published"]
                 if r["commune_id"] != row["commune_id"]]
        pairs.append({"commune_id": row["commune_id"], "agency_id": culture["id"]})
        self.admin.json("PUT", f"/api/v1/outreach/units/{self.province}/rotation",
                        {"month": month, "assignments": pairs}, expect=200)
        _, first = self.admin.json("POST", f"/api/v1/outreach/units/{self.province}/rotation/publish",
                                   {"month": month}, expect=200)
        self.assertFalse(first["replayed"])
        self.assertEqual(first["agencies_notified"], 2)  # the department gaining it, the one losing it
        _, retry = self.admin.json("POST", f"/api/v1/outreach/units/{self.province}/rotation/publish",
                                   {"month": month}, expect=200)
        self.assertTrue(retry["replayed"])
        self.assertEqual(self.client("xa.amusung").json(
            "POST", f"/api/v1/outreach/units/{self.province}/rotation/publish", {"month": month})[0], 403)

        officer = self.client("lo.thi.hoa", "mat-khau-so-vh-2026")
        _, notes = officer.json("GET", "/api/v1/notifications", expect=200)
        titles = [n["title"] for n in notes["items"]]
        self.assertEqual(sum("Lịch đi dự hội nghị tuyên vận" in t for t in titles), 1, titles)
        note = next(n for n in notes["items"] if "Lịch đi dự" in n["title"])
        self.assertIn(row["commune_name"], note["body"])
        self.assertEqual(len(self.query(f"SELECT id FROM mail_outbox WHERE to_address = '{EMAIL}'")), 1)

        # Its page and its schedule.
        page = officer.request("GET", f"/quan-tri/tuyen-van/lich-di-du/{culture['id']}")
        self.assertEqual(page.status, 200)
        html = page.data.decode()
        self.assertIn(row["commune_name"], html)
        self.assertIn("/lich-tuyen-van/", html)
        _, schedule = officer.json("GET", f"/api/v1/outreach/agencies/{culture['id']}/rotation?from={month}&to={month}",
                                   expect=200)
        self.assertIn(row["commune_id"], [a["commune_id"] for a in schedule["assignments"]])
        self.assertEqual(self.client("xa.amusung").request(
            "GET", f"/quan-tri/tuyen-van/lich-di-du/{culture['id']}").status, 403)

        # The feed, read without a session, parsed by icalendar: the assigned commune's conference on its date.
        _, feed = officer.json("GET", f"/api/v1/outreach/units/{culture['id']}/calendar-feed", expect=200)
        response = Client(self.server.port).request("GET", urllib.parse.urlsplit(feed["url"]).path)
        self.assertEqual(response.status, 200)
        calendar = icalendar.Calendar.from_ical(response.data)
        name = row["commune_name"].removeprefix("Xã ").removeprefix("Phường ").removeprefix("Thị trấn ")
        events = [e for e in calendar.walk("VEVENT") if name in str(e["SUMMARY"])]
        self.assertEqual(len(events), 1, [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")])
        self.assertEqual(events[0].decoded("DTSTART").date().isoformat(), row["conference_date"])

    def test_a_district_cadre_sees_their_schedule_and_hears_when_the_commune_moves_its_date(self):
        month = next_month()
        commune = self.admin.unit_id("02686")
        # A cadre of Bát Xát with an account of their own and an e-mail address.
        _, person = self.admin.json("POST", "/api/v1/people", {"full_name": "Lù Văn Khánh", "unit_id": self.batxat,
                                                               "email": "lu.van.khanh@batxat.laocai.gov.vn"},
                                    expect=201)
        self.admin.json("POST", "/api/v1/accounts", {"login": "lu.van.khanh", "password": "mat-khau-can-bo-2026",
                                                     "role": "viewer", "unit_id": self.batxat,
                                                     "person_id": person["id"]}, expect=201)
        # A Mú Sung registers next month's conference; the district sends the cadre there.
        amusung = self.client("xa.amusung")
        registration = {"unit_id": commune, "date": f"{month}-15", "time": "08:00",
                        "venue": "Hội trường Đảng ủy xã A Mú Sung", "chair": "Đồng chí Bí thư Đảng ủy"}
        _, conference = amusung.json("POST", "/api/v1/outreach/conferences", registration, expect=201)
        district = self.client("huyen.batxat")
        district.json("PUT", f"/api/v1/outreach/units/{self.batxat}/rotation",
                      {"month": month, "assignments": [{"commune_id": commune, "agency_id": person["id"]}]},
                      expect=200)
        district.json("POST", f"/api/v1/outreach/units/{self.batxat}/rotation/publish", {"month": month}, expect=200)

        cadre = self.client("lu.van.khanh", "mat-khau-can-bo-2026")
        mine = cadre.request("GET", "/quan-tri/tuyen-van/lich-cua-toi")
        self.assertEqual(mine.status, 303)
        self.assertEqual(mine.getheader("Location"), f"/quan-tri/tuyen-van/lich-can-bo/{person['id']}")
        page = cadre.request("GET", f"/quan-tri/tuyen-van/lich-can-bo/{person['id']}")
        self.assertEqual(page.status, 200)
        html = page.data.decode()
        self.assertIn("Lịch đi dự · Lù Văn Khánh", html)
        self.assertIn("A Mú Sung", html)
        self.assertIn(f'datetime="{month}-15"', html)
        _, schedule = district.json("GET", f"/api/v1/outreach/people/{person['id']}/rotation?from={month}&to={month}",
                                    expect=200)
        self.assertEqual([a["commune_id"] for a in schedule["assignments"]], [commune])
        self.assertEqual(amusung.request("GET", f"/quan-tri/tuyen-van/lich-can-bo/{person['id']}").status, 403)
        self.assertEqual(self.client("xem").request("GET", "/quan-tri/tuyen-van/lich-cua-toi").status, 404)

        # The cadre's calendar, read without a session and parsed by icalendar.
        _, feed = cadre.json("GET", f"/api/v1/outreach/people/{person['id']}/calendar-feed", expect=200)
        path = urllib.parse.urlsplit(feed["url"]).path
        calendar = icalendar.Calendar.from_ical(Client(self.server.port).request("GET", path).data)
        events = [e for e in calendar.walk("VEVENT") if "A Mú Sung" in str(e["SUMMARY"])]
        self.assertEqual(len(events), 1, [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")])
        self.assertEqual(events[0].decoded("DTSTART").date().isoformat(), f"{month}-15")

        # The commune moves its date (a flaky phone sends it twice): the cadre is told once, in the application
        # and by e-mail, and the feed moves the event.
        change = {"date": f"{month}-22", "reason": "Trùng lịch tiếp xúc cử tri"}
        for _ in range(2):
            response = amusung.request("POST", f"/api/v1/outreach/conferences/{conference['id']}/changes",
                                       json_body=change, headers={"Idempotency-Key": "doi-lich-khanh"})
            self.assertIn(response.status, (200, 201), response.data[:300])
        _, notes = cadre.json("GET", "/api/v1/notifications", expect=200)
        moved = [n for n in notes["items"] if "đổi lịch hội nghị" in n["title"]]
        self.assertEqual(len(moved), 1, [n["title"] for n in notes["items"]])
        self.assertIn("A Mú Sung", moved[0]["title"])
        self.assertIn("Trùng lịch tiếp xúc cử tri", moved[0]["body"])
        self.assertIn(f"22/{month[5:]}/{month[:4]}", moved[0]["body"])
        self.assertEqual(len(self.query(
            "SELECT id FROM mail_outbox WHERE to_address = 'lu.van.khanh@batxat.laocai.gov.vn' AND "
            "subject LIKE '%đổi lịch%'")), 1)
        calendar = icalendar.Calendar.from_ical(Client(self.server.port).request("GET", path).data)
        events = [e for e in calendar.walk("VEVENT") if "A Mú Sung" in str(e["SUMMARY"])]
        self.assertEqual(events[0].decoded("DTSTART").date().isoformat(), f"{month}-22")


if __name__ == "__main__":
    unittest.main()
