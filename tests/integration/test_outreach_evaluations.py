"""Evaluations of the monthly conference through HTTP: the criteria sets, filing through the API as a
department's account (idempotent replay, a second filing refused), a department that was not assigned refused
with the Vietnamese message, the phone form posted with its CSRF token (errors keep the typed values, the score
shows afterwards), the agency's schedule linking to the form, and the supervision board's missing evaluations."""
import datetime
import json
import os
import re
import sqlite3
import subprocess
import unittest

from harness import ENGINE, PG_ADMIN, Client, Server, Store, with_database


def vietnam_today():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=7)).date()


class OutreachEvaluations(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.store = Store()
        cls.store.cli("demo", "--items", "20", "--pictures", "1", "--scale", "district")
        cls.server = Server(cls.store)
        cls.admin = cls.client("admin")
        cls.province = cls.admin.unit_id("10")
        # Two days ago: held, and within the default 7 days to evaluate.
        cls.held = (vietnam_today() - datetime.timedelta(days=2)).isoformat()
        cls.month = cls.held[:7]
        culture = cls.query("SELECT id FROM units WHERE level = 'department' AND full_name LIKE '%Văn hóa%'")
        other = cls.query("SELECT id FROM units WHERE level = 'department' AND full_name NOT LIKE '%Văn hóa%' "
                          "ORDER BY id LIMIT 1")
        cls.culture = int(culture[0][0])
        cls.other_department = int(other[0][0])
        cls.namchac = cls.conference("02689")
        cls.amusung = cls.conference("02686")
        cls.banphiet = cls.conference("02800")
        cls.api_assignment = cls.assign("02689", cls.culture)
        cls.form_assignment = cls.assign("02686", cls.culture)
        cls.assign("02800", cls.other_department)

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

    @classmethod
    def query(cls, sql):
        if ENGINE == "postgres":
            out = subprocess.run(["psql", "-q", with_database(PG_ADMIN, cls.store.name), "-Atc", sql], check=True,
                                 capture_output=True, text=True).stdout.strip()
            return [tuple(line.split("|")) for line in out.splitlines()]
        with sqlite3.connect(os.path.join(cls.store.dir, "tuyenvan.db")) as db:
            return [tuple(str(cell) for cell in row) for row in db.execute(sql)]

    @classmethod
    def conference(cls, code):
        """The commune's conference of the month, moved to two days ago and recorded as held that day."""
        unit = cls.query(f"SELECT id FROM units WHERE code = '{code}'")[0][0]
        found = cls.query(f"SELECT id FROM outreach_conferences WHERE unit_id = {unit} AND month = '{cls.month}'")
        if not found:
            found = cls.query(
                "INSERT INTO outreach_conferences (unit_id, month, original_date, original_time, scheduled_date, "
                "scheduled_time, venue, chair, registered_at, registered_by, updated_at) VALUES "
                f"({unit}, '{cls.month}', '{cls.held}', '08:00', '{cls.held}', '08:00', 'Hội trường UBND xã', "
                "'Đồng chí Bí thư Đảng ủy', 1, 'test', 1) RETURNING id")
        conference = found[0][0]
        cls.query(f"UPDATE outreach_conferences SET scheduled_date = '{cls.held}' WHERE id = {conference}")
        cls.query(f"DELETE FROM outreach_conference_records WHERE conference_id = {conference}")
        cls.query("INSERT INTO outreach_conference_records (conference_id, held_date, cadres, party_members, "
                  f"committee_members, people, submitted_at, submitted_by, updated_at) VALUES ({conference}, "
                  f"'{cls.held}', 5, 20, 7, 90, 1, 'test', 1)")
        return int(conference)

    @classmethod
    def assign(cls, code, department):
        unit = cls.query(f"SELECT id FROM units WHERE code = '{code}'")[0][0]
        found = cls.query(f"SELECT id FROM outreach_rotation_assignments WHERE commune_id = {unit} AND month = "
                          f"'{cls.month}' AND status = 'published' AND agency_unit_id = {department}")
        if not found:
            found = cls.query(
                "INSERT INTO outreach_rotation_assignments (level_unit_id, month, commune_id, agency_unit_id, "
                f"status, published_at, created_at, updated_at) VALUES ({cls.province}, '{cls.month}', {unit}, "
                f"{department}, 'published', 1, 1, 1) RETURNING id")
        return int(found[0][0])

    def test_criteria_sets_are_listed_with_the_one_in_effect(self):
        _, body = self.admin.json("GET", "/api/v1/outreach/criteria-sets", expect=200)
        titles = [s["title"] for s in body["items"]]
        self.assertEqual(titles[:2], ["Bộ tiêu chí 2020", "Bộ tiêu chí 2016"])
        self.assertTrue(body["items"][0]["in_effect"])
        self.assertEqual([k["max_points"] for k in body["items"][0]["criteria"]], [15, 25, 20, 20, 20])
        page = self.admin.request("GET", "/quan-tri/tuyen-van/tieu-chi").data.decode()
        self.assertIn("Đang áp dụng", page)
        self.assertIn("Thêm bộ tiêu chí", page)
        _, spec = self.admin.json("GET", "/api/v1/openapi.json", expect=200)
        for path in ("/api/v1/outreach/criteria-sets", "/api/v1/outreach/evaluations",
                     "/api/v1/outreach/evaluations/{id}", "/api/v1/outreach/conferences/{id}/evaluations"):
            self.assertIn(path, spec["paths"])
        commune = self.client("xa.amusung")
        commune.json("POST", "/api/v1/outreach/criteria-sets",
                     {"effective_from": "2030-01-01", "title": "Bộ của xã",
                      "criteria": [{"label": "Chuẩn bị", "max_points": 10}]}, expect=403)

    def test_the_deadline_rule_carries_the_evaluation_days(self):
        status, error = self.admin.json("POST", "/api/v1/outreach/deadline-rules",
                                        {"effective_month": "2099-01", "registration_day": 25, "record_due_days": 5,
                                         "evaluation_due_days": 61})
        self.assertEqual(status, 422)
        self.assertIn("Hạn gửi đánh giá", error["error"]["message"])
        self.admin.json("POST", "/api/v1/outreach/deadline-rules",
                        {"effective_month": "2099-01", "registration_day": 25, "record_due_days": 5,
                         "evaluation_due_days": 10}, expect=201)
        _, rules = self.admin.json("GET", "/api/v1/outreach/deadline-rules", expect=200)
        self.assertEqual([r["evaluation_due_days"] for r in rules["items"] if r["effective_month"] == "2099-01"], [10])
        page = self.admin.request("GET", "/quan-tri/tuyen-van/thoi-han").data.decode()
        self.assertIn('name="evaluation_due_days"', page)

    def test_a_department_files_through_the_api_once(self):
        department = self.client("so.vhttdl")
        body = {"conference_id": self.namchac, "followed_registration": True, "comments": "Chuẩn bị chu đáo.",
                "scores": {"preparation": 14, "content": 22, "speakers": 18, "participation": 16, "opinions": 15}}
        first = department.request("POST", "/api/v1/outreach/evaluations", json_body=body,
                                   headers={"Idempotency-Key": "eval-namchac-1"})
        self.assertEqual(first.status, 201, first.data[:300])
        filed = json.loads(first.data)
        self.assertEqual(filed["total_points"], 85)
        self.assertEqual(filed["max_points"], 100)
        self.assertEqual(filed["criteria_set_title"], "Bộ tiêu chí 2020")
        self.assertEqual(filed["agency_unit_id"], self.culture)
        again = department.request("POST", "/api/v1/outreach/evaluations", json_body=body,
                                   headers={"Idempotency-Key": "eval-namchac-1"})
        self.assertEqual(again.status, 201)
        self.assertEqual(again.getheader("Idempotent-Replayed"), "true")
        self.assertEqual(json.loads(again.data)["id"], filed["id"])
        second = department.request("POST", "/api/v1/outreach/evaluations", json_body=body,
                                    headers={"Idempotency-Key": "eval-namchac-2"})
        self.assertEqual(second.status, 409)
        self.assertIn("đã gửi đánh giá", json.loads(second.data)["error"]["message"])
        count = self.query(f"SELECT COUNT(*) FROM outreach_evaluations WHERE conference_id = {self.namchac}")
        self.assertEqual(count[0][0], "1")
        _, listed = self.admin.json("GET", f"/api/v1/outreach/conferences/{self.namchac}/evaluations", expect=200)
        self.assertEqual([e["id"] for e in listed["items"]], [filed["id"]])
        _, one = department.json("GET", f"/api/v1/outreach/evaluations/{filed['id']}", expect=200)
        self.assertEqual(len(one["scores"]), 5)

    def test_an_unassigned_department_and_a_commune_officer_are_refused(self):
        department = self.client("so.vhttdl")
        body = {"conference_id": self.banphiet, "followed_registration": True,
                "scores": {"preparation": 10, "content": 10, "speakers": 10, "participation": 10, "opinions": 10}}
        status, answer = department.json("POST", "/api/v1/outreach/evaluations", body)
        self.assertEqual(status, 403)
        self.assertEqual(answer["error"]["message"], "Đơn vị của đồng chí không được phân công dự hội nghị này.")
        commune = self.client("xa.amusung")
        status, _ = commune.json("POST", "/api/v1/outreach/evaluations", dict(body, conference_id=self.amusung))
        self.assertEqual(status, 403)
        count = self.query(f"SELECT COUNT(*) FROM outreach_evaluations WHERE conference_id IN ({self.banphiet}, "
                           f"{self.amusung})")
        self.assertEqual(count[0][0], "0")

    def test_the_form_posts_with_csrf_and_shows_the_score(self):
        department = self.client("so.vhttdl")
        schedule = department.request("GET", f"/quan-tri/tuyen-van/lich-di-du/{self.culture}").data.decode()
        self.assertIn(f"/quan-tri/tuyen-van/danh-gia/moi?phan-cong={self.form_assignment}", schedule)
        page = department.request("GET", f"/quan-tri/tuyen-van/danh-gia/moi?phan-cong={self.form_assignment}")
        self.assertEqual(page.status, 200)
        html = page.data.decode()
        token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
        key = re.search(r'name="idempotency_key" value="([^"]+)"', html).group(1)
        fields = re.findall(r'name="(diem_\d+)" value="" type="number" min="0" max="(\d+)"', html)
        self.assertEqual(len(fields), 5, html)
        form = {"csrf_token": token, "idempotency_key": key, "assignment_id": self.form_assignment,
                "followed_registration": "1", "comments": "Người dân phát biểu sôi nổi."}
        # Without the token: refused, nothing written.
        refused = department.form("/quan-tri/tuyen-van/danh-gia/moi", dict(form, csrf_token="sai"))
        self.assertEqual(refused.status, 403)
        # Too many points: the form again, with the message and the typed values.
        wrong = dict(form, **{name: str(int(top) + 1 if i == 0 else top) for i, (name, top) in enumerate(fields)})
        answer = department.form("/quan-tri/tuyen-van/danh-gia/moi", wrong)
        self.assertEqual(answer.status, 422)
        again = answer.data.decode()
        self.assertIn("phải là số nguyên từ 0 đến", again)
        self.assertIn("Người dân phát biểu sôi nổi.", again)
        self.assertEqual(self.query(f"SELECT COUNT(*) FROM outreach_evaluations WHERE conference_id = "
                                    f"{self.amusung}")[0][0], "0")
        right = dict(form, **{name: str(int(top) - 2) for name, top in fields})
        done = department.form("/quan-tri/tuyen-van/danh-gia/moi", right)
        self.assertEqual(done.status, 303, done.data[:300])
        location = done.getheader("Location")
        self.assertRegex(location, r"^/quan-tri/tuyen-van/danh-gia/\d+\?da-gui=1$")
        shown = department.request("GET", location).data.decode()
        self.assertIn("Đã gửi phiếu đánh giá.", shown)
        self.assertIn("<strong>90/100</strong>", shown)
        # Posted twice (a flaky phone): the same evaluation, nothing written twice.
        twice = department.form("/quan-tri/tuyen-van/danh-gia/moi", right)
        self.assertEqual(twice.getheader("Location"), location)
        self.assertEqual(self.query(f"SELECT COUNT(*) FROM outreach_evaluations WHERE conference_id = "
                                    f"{self.amusung}")[0][0], "1")
        # The form of an evaluated attendance leads to the evaluation; the conference lists it.
        reopened = department.request("GET", f"/quan-tri/tuyen-van/danh-gia/moi?phan-cong={self.form_assignment}")
        self.assertEqual(reopened.status, 303)
        listed = self.admin.request("GET", f"/quan-tri/tuyen-van/hoi-nghi/{self.amusung}/danh-gia").data.decode()
        self.assertIn("90/100", listed)

    def test_the_board_shows_missing_evaluations(self):
        first = datetime.date.fromisoformat(vietnam_today().strftime("%Y-%m") + "-01")
        months = []
        for _ in range(6):
            first = (first - datetime.timedelta(days=1)).replace(day=1)
            months.append(first.strftime("%Y-%m"))
        found = None
        for month in months:
            _, board = self.admin.json("GET", f"/api/v1/outreach/supervision/units/{self.province}/board?month={month}",
                                       expect=200)
            if board["evaluations"]["missing"] > 0:
                found = (month, board)
                break
        self.assertIsNotNone(found, "the demo leaves some evaluations missing")
        month, board = found
        missing = [line for line in board["communes"] if line["missing_evaluations"] > 0]
        self.assertEqual(sum(line["missing_evaluations"] for line in missing), board["evaluations"]["missing"])
        self.assertTrue(all(e["state"] in ("filed", "missing", "awaited", "not_expected")
                            for line in board["communes"] for e in line["evaluations"]))
        page = self.admin.request("GET", f"/quan-tri/tuyen-van/giam-sat/bang/{self.province}?thang={month}"
                                  "&danh-gia=thieu").data.decode()
        self.assertIn(f"Thiếu đánh giá: {board['evaluations']['missing']}", page)
        self.assertIn(missing[0]["commune"]["name"], page)
        self.assertEqual(page.count("<th scope=\"row\">"), len(missing))
        _, weak = self.admin.json("GET", f"/api/v1/outreach/supervision/units/{self.province}/weak-areas?months=6",
                                  expect=200)
        self.assertTrue(any(c["evaluation_score"] is not None for c in weak["communes"]))
        self.assertNotIn("Hiện chưa tính", weak["rule"])


if __name__ == "__main__":
    unittest.main()
