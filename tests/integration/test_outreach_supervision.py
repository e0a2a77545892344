"""Supervision through HTTP: the month and year boards (pages and API), reminders and reprimands with their
idempotency key and CSRF, the commune's history, the weak areas, a commune officer refused and a district
officer limited to its district."""
import datetime
import re
import unittest

from harness import Client, Server, Store


def this_month():
    # Vietnam's month (UTC+7), as the server judges "now".
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=7)).strftime("%Y-%m")


def last_month():
    first = datetime.date.fromisoformat(this_month() + "-01")
    return (first - datetime.timedelta(days=1)).strftime("%Y-%m")


class OutreachSupervision(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.store = Store()
        cls.store.cli("demo", "--items", "20", "--pictures", "1", "--scale", "district")
        cls.server = Server(cls.store)
        cls.admin = cls.client("admin")
        cls.province = cls.admin.unit_id("10")
        cls.batxat = cls.admin.unit_id("082")
        cls.amusung = cls.admin.unit_id("02686")
        cls.other_district = cls.admin.unit_id("086")

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

    def test_province_board_covers_every_commune_grouped_by_district(self):
        _, board = self.admin.json("GET", f"/api/v1/outreach/supervision/units/{self.province}/board?month="
                                   + last_month(), expect=200)
        self.assertGreater(len(board["communes"]), 100)
        self.assertEqual(sum(board["counts"].values()), len(board["communes"]))
        districts = [line["district_name"] for line in board["communes"]]
        # Grouped: a district's communes are contiguous.
        seen = []
        for name in districts:
            if not seen or seen[-1] != name:
                self.assertNotIn(name, seen)
                seen.append(name)
        page = self.admin.request("GET", f"/quan-tri/tuyen-van/giam-sat/bang/{self.province}?thang={last_month()}")
        self.assertEqual(page.status, 200)
        html = page.data.decode()
        self.assertIn("Bảng giám sát tháng", html)
        self.assertIn('class="table-wrap"', html)
        self.assertIn("Gửi nhắc", html)
        # Filtered by district and status.
        status = board["communes"][0]["cell"]["status"]
        filtered = self.admin.request("GET", f"/quan-tri/tuyen-van/giam-sat/bang/{self.province}?thang={last_month()}"
                                      f"&huyen={self.batxat}&trang-thai={status}").data.decode()
        self.assertNotIn("Huyện Bảo Thắng</th>", filtered)
        _, demo = self.admin.json("GET", f"/api/v1/outreach/supervision/units/{self.province}/board?month="
                                  + (datetime.date.fromisoformat(last_month() + "-01")
                                     - datetime.timedelta(days=60)).strftime("%Y-%m"), expect=200)
        self.assertTrue(any(line["reminders"] for line in demo["communes"]), "the demo sent reminders")

    def test_year_board_and_weak_areas(self):
        year = last_month()[:4]
        _, board = self.admin.json("GET", f"/api/v1/outreach/supervision/units/{self.batxat}/year?year={year}",
                                   expect=200)
        self.assertEqual(len(board["months"]), 12)
        self.assertTrue(all(len(line["months"]) == 12 for line in board["communes"]))
        page = self.admin.request("GET", f"/quan-tri/tuyen-van/giam-sat/nam/{self.province}?nam={year}")
        self.assertEqual(page.status, 200)
        self.assertIn("sv-status-", page.data.decode())
        _, weak = self.admin.json("GET", f"/api/v1/outreach/supervision/units/{self.batxat}/weak-areas?months=6",
                                  expect=200)
        self.assertEqual(len(weak["months"]), 6)
        self.assertIn("điểm đánh giá của xã", weak["rule"].lower())
        self.assertTrue(any(line["evaluation_score"] is not None for line in weak["communes"]))
        for line in weak["communes"]:
            self.assertIn(line["weak_level"], (0, 1, 2))
        html = self.admin.request("GET", f"/quan-tri/tuyen-van/giam-sat/xep-loai/{self.batxat}").data.decode()
        self.assertIn("Quy tắc xếp loại", html)
        self.assertEqual(self.admin.json("GET", f"/api/v1/outreach/supervision/units/{self.batxat}/weak-areas"
                                         "?months=40")[0], 422)

    def test_reminder_is_written_once_and_reaches_the_commune(self):
        district = self.client("huyen.batxat")
        body = {"unit_id": self.amusung, "month": this_month(), "reason": "Đề nghị đăng ký hội nghị tháng này."}
        key = {"Idempotency-Key": "nhac-amusung-1"}
        first = district.request("POST", "/api/v1/outreach/supervision/reminders", json_body=body, headers=key)
        self.assertEqual(first.status, 201, first.data)
        again = district.request("POST", "/api/v1/outreach/supervision/reminders", json_body=body, headers=key)
        self.assertEqual(again.status, 201)
        self.assertEqual(again.getheader("Idempotent-Replayed"), "true")
        _, history = district.json("GET", f"/api/v1/outreach/supervision/units/{self.amusung}/history", expect=200)
        mine = [r for r in history["reminders"] if r["reason"] == body["reason"]]
        self.assertEqual(len(mine), 1)
        self.assertGreaterEqual(mine[0]["recipients"], 1)
        officer = self.client("xa.amusung")
        _, notes = officer.json("GET", "/api/v1/notifications", expect=200)
        self.assertTrue(any("Nhắc việc hội nghị" in n["title"] for n in notes["items"]), notes)
        # Without the CSRF token: refused, nothing written.
        no_token = district.request("POST", "/api/v1/outreach/supervision/reminders", json_body=body, csrf=False)
        self.assertEqual(no_token.status, 403)
        # Bad input: a Vietnamese message.
        status, error = district.json("POST", "/api/v1/outreach/supervision/reminders",
                                      {"unit_id": self.amusung, "month": "13/2025", "reason": "x"})
        self.assertEqual(status, 422)
        self.assertIn("Tháng không hợp lệ", error["error"]["message"])

    def test_reprimand_form_without_script(self):
        district = self.client("huyen.batxat")
        path = f"/quan-tri/tuyen-van/giam-sat/don-vi/{self.amusung}?thang={last_month()}"
        page = district.request("GET", path).data.decode()
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        key = re.search(r'name="idempotency_key" value="([^"]+-p)"', page).group(1)
        fields = {"csrf_token": token, "idempotency_key": key, "month": last_month(), "kind": "phe_binh",
                  "reprimand_reason": "Không nộp biên bản đúng hạn.", "document_number": "21-TB/HU",
                  "decided_on": ""}
        done = district.form(f"/quan-tri/tuyen-van/giam-sat/don-vi/{self.amusung}/nhac-nho-phe-binh", fields)
        self.assertEqual(done.status, 303)
        again = district.form(f"/quan-tri/tuyen-van/giam-sat/don-vi/{self.amusung}/nhac-nho-phe-binh", fields)
        self.assertEqual(again.status, 303)
        _, listed = district.json("GET", f"/api/v1/outreach/supervision/units/{self.amusung}/reprimands", expect=200)
        self.assertEqual(len([r for r in listed["items"] if r["document_number"] == "21-TB/HU"]), 1)
        html = district.request("GET", path).data.decode()
        self.assertIn("21-TB/HU", html)
        bad = district.form(f"/quan-tri/tuyen-van/giam-sat/don-vi/{self.amusung}/nhac-nho-phe-binh",
                            dict(fields, idempotency_key="khac-1", reprimand_reason=""))
        self.assertEqual(bad.status, 422)
        self.assertIn("Hãy ghi lý do", bad.data.decode())

    def test_commune_officer_and_other_district_are_refused(self):
        officer = self.client("xa.amusung")
        status, _ = officer.json("POST", "/api/v1/outreach/supervision/reprimands",
                                 {"unit_id": self.amusung, "kind": "nhac_nho", "reason": "Tự nhắc"})
        self.assertEqual(status, 403)
        self.assertEqual(officer.json("POST", "/api/v1/outreach/supervision/reminders",
                                      {"unit_id": self.amusung, "month": this_month(), "reason": "x"})[0], 403)
        # The officer may read its own commune's history but not the district's board.
        self.assertEqual(officer.json("GET", f"/api/v1/outreach/supervision/units/{self.amusung}/history")[0], 200)
        self.assertEqual(officer.json("GET", f"/api/v1/outreach/supervision/units/{self.batxat}/board")[0], 403)
        district = self.client("huyen.batxat")
        self.assertEqual(district.json("GET", f"/api/v1/outreach/supervision/units/{self.province}/board")[0], 403)
        self.assertEqual(district.json("GET", f"/api/v1/outreach/supervision/units/{self.other_district}/year")[0],
                         403)
        _, own = district.json("GET", f"/api/v1/outreach/supervision/units/{self.batxat}/board", expect=200)
        self.assertTrue(all(line["district_id"] == self.batxat for line in own["communes"]))
        anonymous = self.client()
        self.assertEqual(anonymous.json("GET", f"/api/v1/outreach/supervision/units/{self.batxat}/board")[0], 401)


if __name__ == "__main__":
    unittest.main()
