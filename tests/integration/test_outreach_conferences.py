"""The monthly outreach conference through HTTP: registration, schedule changes, the record with photos, the
portal draft, deadline rules, pages, CSRF, another commune's officer refused, retried POSTs written once, and the
iCalendar feed parsed by Python's icalendar (Debian's python3-icalendar)."""
import datetime
import json
import re
import struct
import sys
import unittest
import urllib.parse
import zlib

from harness import Client, Server, Store

try:
    import icalendar
except ImportError:  # a Python other than Debian's: use Debian's package
    sys.path.append("/usr/lib/python3/dist-packages")
    import icalendar

VIETNAM = datetime.timezone(datetime.timedelta(hours=7))


def today():
    return datetime.datetime.now(VIETNAM).date()


def next_month(month):
    year, number = map(int, month.split("-"))
    return f"{year + 1}-01" if number == 12 else f"{year}-{number + 1:02d}"


def png(width=64, height=48):
    """A small valid PNG, made without any imaging library."""
    rows = b"".join(b"\x00" + bytes(v for x in range(width) for v in (x * 4 % 256, y * 5 % 256, 120))
                    for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def multipart(fields, file_bytes):
    boundary = "tuyenvanboundary7d1f"
    body = b""
    for name, value in fields.items():
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").encode()
    body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"anh.png\"\r\n"
             "Content-Type: image/png\r\n\r\n").encode() + file_bytes + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


class Conferences(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.store = Store()
        cls.store.cli("demo", "--items", "30", "--pictures", "2", "--scale", "district")
        cls.server = Server(cls.store)
        admin = cls.client("admin")
        cls.amusung = admin.unit_id("02686")
        cls.namchac = admin.unit_id("02689")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.store.drop()

    @classmethod
    def client(cls, login=None):
        client = Client(cls.server.port)
        if login:
            client.sign_in(login)
        return client

    def conferences(self, client, unit, month):
        _, body = client.json("GET", f"/api/v1/outreach/conferences?unit_id={unit}&month={month}", expect=200)
        return body

    def test_registration_change_and_refusals_through_the_api(self):
        officer = self.client("xa.amusung")
        month = next_month(today().strftime("%Y-%m"))
        registration = {"unit_id": self.amusung, "date": f"15/{month[5:]}/{month[:4]}", "time": "08:00",
                        "venue": "Hội trường Đảng ủy xã A Mú Sung", "chair": "Đồng chí Bí thư Đảng ủy",
                        "topics": [{"topic": "Thông tin thời sự trong tỉnh", "speaker_name": "Lý Seo Dìn"}]}
        # A flaky phone sends the same POST twice: written once.
        first = officer.request("POST", "/api/v1/outreach/conferences", json_body=registration,
                                headers={"Idempotency-Key": "dien-thoai-1"})
        self.assertEqual(first.status, 201, first.data[:300])
        again = officer.request("POST", "/api/v1/outreach/conferences", json_body=registration,
                                headers={"Idempotency-Key": "dien-thoai-1"})
        self.assertEqual(again.status, 200, again.data[:300])
        self.assertEqual(again.getheader("Idempotent-Replayed"), "true")
        conference = json.loads(first.data)
        self.assertEqual(json.loads(again.data)["id"], conference["id"])
        self.assertEqual(conference["status"]["code"], "registered")
        listed = self.conferences(officer, self.amusung, month)
        self.assertEqual(len(listed["communes"]), 1)
        self.assertEqual(listed["communes"][0]["conference"]["id"], conference["id"])
        # Without the key it is a second registration of the month: refused in Vietnamese.
        status, body = officer.json("POST", "/api/v1/outreach/conferences", registration)
        self.assertEqual(status, 409)
        self.assertIn("đã đăng ký hội nghị tháng", body["error"]["message"])
        # A date outside the month.
        outside = dict(registration, month=month, date="01/01/2020")
        status, body = officer.json("POST", "/api/v1/outreach/conferences", outside)
        self.assertEqual(status, 422)
        self.assertIn("không thuộc tháng", body["error"]["message"])
        # Another commune, and a missing CSRF token.
        status, body = officer.json("POST", "/api/v1/outreach/conferences", dict(registration, unit_id=self.namchac))
        self.assertEqual(status, 403)
        self.assertIn("không có quyền", body["error"]["message"])
        no_token = officer.request("POST", "/api/v1/outreach/conferences", json_body=registration, csrf=False)
        self.assertEqual(no_token.status, 403)

        # A schedule change before the date, kept with its reason; a stale version is a conflict.
        change = {"date": f"20/{month[5:]}/{month[:4]}", "time": "14:00", "reason": "Trùng lịch họp của huyện",
                  "version": conference["version"]}
        status, changed = officer.json("POST", f"/api/v1/outreach/conferences/{conference['id']}/changes", change,
                                       expect=201)
        self.assertEqual(changed["sequence"], 1)
        self.assertEqual(changed["status"]["code"], "changed")
        self.assertEqual(changed["changes"][0]["before"]["date"], f"{month}-15")
        self.assertEqual(changed["changes"][0]["after"]["date"], f"{month}-20")
        self.assertEqual(changed["changes"][0]["reason"], "Trùng lịch họp của huyện")
        status, body = officer.json("POST", f"/api/v1/outreach/conferences/{conference['id']}/changes",
                                    dict(change, date=f"22/{month[5:]}/{month[:4]}"))
        self.assertEqual(status, 409, body)
        other = self.client("huyen.batxat")
        self.assertEqual(other.json("GET", f"/api/v1/outreach/conferences/{conference['id']}")[0], 200)
        viewer_elsewhere = self.client("so.vhttdl")
        self.assertEqual(viewer_elsewhere.json("GET", f"/api/v1/outreach/conferences/{conference['id']}")[0], 403)

        # The unit's iCalendar feed, read without a session, parsed by icalendar.
        _, feed = officer.json("GET", f"/api/v1/outreach/units/{self.amusung}/calendar-feed", expect=200)
        path = urllib.parse.urlsplit(feed["url"]).path
        response = Client(self.server.port).request("GET", path)
        self.assertEqual(response.status, 200)
        self.assertTrue(response.getheader("Content-Type").startswith("text/calendar"))
        for line in response.data.split(b"\r\n"):
            self.assertLessEqual(len(line), 75)
            line.decode("utf-8")  # no UTF-8 sequence split by folding
        self.assertNotIn(b"\n", response.data.replace(b"\r\n", b""))
        calendar = icalendar.Calendar.from_ical(response.data)
        uid = f"hoi-nghi-tuyen-van-{conference['id']}@tuyenvan"
        events = [event for event in calendar.walk("VEVENT") if str(event["UID"]) == uid]
        self.assertEqual(len(events), 1)
        event = events[0]
        self.assertEqual(int(event["SEQUENCE"]), 1)
        start = event.decoded("DTSTART")
        self.assertEqual((start.year, start.month, start.day, start.hour, start.minute),
                         (int(month[:4]), int(month[5:]), 20, 14, 0))
        self.assertEqual(event["DTSTART"].params["TZID"], "Asia/Ho_Chi_Minh")
        self.assertIn("A Mú Sung", str(event["SUMMARY"]))
        self.assertEqual(str(event["LOCATION"]), "Hội trường Đảng ủy xã A Mú Sung")
        self.assertEqual(len(list(calendar.walk("VTIMEZONE"))), 1)
        self.assertEqual(Client(self.server.port).request("GET", "/lich-tuyen-van/khong-co.ics").status, 404)

    def test_record_with_photos_and_the_portal_draft(self):
        admin = self.client("admin")
        day = today()
        registration = {"unit_id": self.namchac, "date": day.strftime("%d/%m/%Y"), "time": "07:30",
                        "venue": "Nhà văn hóa xã Nậm Chạc", "chair": "Đồng chí Phó Bí thư Thường trực"}
        _, conference = admin.json("POST", "/api/v1/outreach/conferences", registration, expect=201)
        record_path = f"/api/v1/outreach/conferences/{conference['id']}/record"
        record = {"held_date": day.strftime("%d/%m/%Y"),
                  "participants": {"cadres": 10, "party_members": 25, "committee_members": 8, "people": 90},
                  "topics": [{"topic": "Nghị quyết Đại hội Đảng bộ tỉnh", "speaker_name": "Hoàng Thị Mai"}],
                  "materials": "Bản tin thông tin thời sự",
                  "opinions": [{"opinion": "Đề nghị làm đường vào thôn Nậm Chạc", "follow_up": "UBND xã"}]}
        # A record before its conference.
        early = dict(record, held_date=(day - datetime.timedelta(days=1)).strftime("%d/%m/%Y"))
        status, body = admin.json("PUT", record_path, early)
        self.assertEqual(status, 422)
        self.assertIn("trước ngày hội nghị", body["error"]["message"])
        first = admin.request("PUT", record_path, json_body=record, headers={"Idempotency-Key": "bien-ban-1"})
        self.assertEqual(first.status, 201, first.data[:300])
        again = admin.request("PUT", record_path, json_body=record, headers={"Idempotency-Key": "bien-ban-1"})
        self.assertEqual(again.status, 200)
        _, stored = admin.json("GET", f"/api/v1/outreach/conferences/{conference['id']}", expect=200)
        self.assertEqual(stored["record"]["participants"]["total"], 133)
        self.assertEqual(stored["status"]["code"], "held_on_schedule")
        # Another commune's officer can neither write nor read it.
        officer = self.client("xa.amusung")
        self.assertEqual(officer.json("PUT", record_path, dict(record, version=1))[0], 403)
        self.assertEqual(officer.json("GET", f"/api/v1/outreach/conferences/{conference['id']}")[0], 403)

        # A photo, twice with one key: stored once, served to signed-in readers only.
        body, headers = multipart({"caption": "Toàn cảnh hội nghị"}, png())
        headers["Idempotency-Key"] = "anh-1"
        photo = admin.request("POST", f"/api/v1/outreach/conferences/{conference['id']}/photos", body=body,
                              headers=headers)
        self.assertEqual(photo.status, 201, photo.data[:300])
        self.assertEqual(admin.request("POST", f"/api/v1/outreach/conferences/{conference['id']}/photos", body=body,
                                       headers=headers).status, 200)
        url = json.loads(photo.data)["url"]
        picture = admin.request("GET", url)
        self.assertEqual(picture.status, 200)
        self.assertEqual(picture.getheader("Content-Type"), "image/jpeg")
        self.assertEqual(Client(self.server.port).request("GET", url).status, 303)
        _, stored = admin.json("GET", f"/api/v1/outreach/conferences/{conference['id']}", expect=200)
        self.assertEqual(len(stored["photos"]), 1)
        broken, headers = multipart({"caption": "hỏng"}, b"not a picture at all")
        refused = admin.request("POST", f"/api/v1/outreach/conferences/{conference['id']}/photos", body=broken,
                                headers=headers)
        self.assertEqual(refused.status, 422)

        # The draft in the district's "Thông tin tuyên vận" column, made once.
        status, draft = admin.json("POST", f"/api/v1/outreach/conferences/{conference['id']}/column-draft", {})
        self.assertEqual(status, 201, draft)
        status, same = admin.json("POST", f"/api/v1/outreach/conferences/{conference['id']}/column-draft", {})
        self.assertEqual((status, same["item_id"]), (200, draft["item_id"]))
        _, item = admin.json("GET", f"/api/v1/items/{draft['item_id']}", expect=200)
        self.assertIn("Nậm Chạc", item["title"])
        self.assertEqual(item["status"], "draft")

        # The detail page shows the record, history and photo.
        page = admin.request("GET", f"/quan-tri/tuyen-van/hoi-nghi/{conference['id']}")
        self.assertEqual(page.status, 200)
        text = page.data.decode()
        self.assertIn("Đề nghị làm đường vào thôn Nậm Chạc", text)
        self.assertIn(url, text)

    def test_forms_calendar_pages_and_duplicate_form_posts(self):
        officer = self.client("xa.amusung")
        month = next_month(next_month(today().strftime("%Y-%m")))
        form = officer.request("GET", f"/quan-tri/tuyen-van/hoi-nghi/moi?thang={month}")
        self.assertEqual(form.status, 200)
        html = form.data.decode()
        token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
        key = re.search(r'name="idempotency_key" value="([^"]+)"', html).group(1)
        self.assertNotIn("Nậm Chạc", html)
        fields = {"csrf_token": token, "idempotency_key": key, "unit_id": self.amusung, "month": month,
                  "date": f"10/{month[5:]}/{month[:4]}", "time": "08:00", "venue": "Hội trường xã",
                  "chair": "Đồng chí Chủ tịch UBND xã", "topic": "Phòng chống lừa đảo qua mạng", "speaker": "Công an xã"}
        first = officer.form("/quan-tri/tuyen-van/hoi-nghi", fields)
        second = officer.form("/quan-tri/tuyen-van/hoi-nghi", fields)
        self.assertEqual((first.status, second.status), (303, 303))
        self.assertEqual(first.getheader("Location"), second.getheader("Location"))
        self.assertEqual(len([c for c in self.conferences(officer, self.amusung, month)["communes"]
                              if c["conference"]]), 1)
        # Bad input shows the form again with the message, nothing written.
        bad = officer.form("/quan-tri/tuyen-van/hoi-nghi", dict(fields, idempotency_key="khac", date="40/01/2026"))
        self.assertEqual(bad.status, 422)
        self.assertIn("Ngày tổ chức không hợp lệ", bad.data.decode())
        # Without the CSRF token.
        self.assertEqual(officer.form("/quan-tri/tuyen-van/hoi-nghi", dict(fields, csrf_token="")).status, 403)
        # The calendar: grid and list, dates dd/mm/yyyy, only the officer's commune.
        grid = officer.request("GET", f"/quan-tri/tuyen-van/lich?thang={month}")
        self.assertEqual(grid.status, 200)
        text = grid.data.decode()
        self.assertIn("A Mú Sung", text)
        self.assertNotIn("Nậm Chạc", text)
        self.assertIn(f"10/{month[5:]}/{month[:4]}", text)
        self.assertIn("/lich-tuyen-van/", text)
        listing = officer.request("GET", f"/quan-tri/tuyen-van/lich?thang={month}&xem=danh-sach")
        self.assertIn("Đã đăng ký", listing.data.decode())
        district = self.client("huyen.batxat")
        page = district.request("GET", f"/quan-tri/tuyen-van/lich?don-vi={district.unit_id('082')}&thang={month}"
                                       "&xem=danh-sach")
        self.assertEqual(page.status, 200)
        self.assertIn("Nậm Chạc", page.data.decode())
        self.assertIn("Chưa đăng ký", page.data.decode())
        anonymous = Client(self.server.port).request("GET", "/quan-tri/tuyen-van/lich")
        self.assertEqual(anonymous.status, 303)

    def test_deadline_rules_are_set_by_the_province_only(self):
        officer = self.client("xa.amusung")
        status, body = officer.json("POST", "/api/v1/outreach/deadline-rules",
                                    {"effective_month": "2030-01", "registration_day": 20, "record_due_days": 7})
        self.assertEqual(status, 403)
        self.assertIn("Tỉnh ủy", body["error"]["message"])
        admin = self.client("admin")
        admin.json("POST", "/api/v1/outreach/deadline-rules",
                   {"effective_month": "2030-01", "registration_day": 20, "record_due_days": 7}, expect=201)
        status, body = admin.json("POST", "/api/v1/outreach/deadline-rules",
                                  {"effective_month": "2030-13", "registration_day": 20, "record_due_days": 7})
        self.assertEqual(status, 422)
        _, rules = officer.json("GET", "/api/v1/outreach/deadline-rules", expect=200)
        self.assertIn(("2030-01", 20, 7), [(r["effective_month"], r["registration_day"], r["record_due_days"])
                                           for r in rules["items"]])
        page = admin.request("GET", "/quan-tri/tuyen-van/thoi-han")
        self.assertEqual(page.status, 200)
        self.assertIn("01/2030", page.data.decode())
        _, audit = admin.json("GET", "/api/v1/audit?per_page=50", expect=200)
        self.assertIn("outreach_deadline_rule.set", [entry["action"] for entry in audit["items"]])


if __name__ == "__main__":
    unittest.main()
