"""Outreach committees, teams, members, working rules and speakers through HTTP: pages and API,
CSRF, scoping to the officer's commune, history, conflicts and the district's vacancy overview."""
import base64
import io
import json
import re
import unittest
import uuid
import zipfile

from harness import Client, Server, Store

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def multipart(fields, file_name, data):
    boundary = "----tv" + uuid.uuid4().hex
    out = b""
    for name, value in fields.items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").encode()
    out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, {"Content-Type": "multipart/form-data; boundary=" + boundary}


class OutreachBodies(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.store = Store()
        cls.store.cli("demo", "--items", "20", "--pictures", "1", "--scale", "district")
        cls.server = Server(cls.store)
        cls.admin = cls.client("admin")
        cls.amusung = cls.admin.unit_id("02686")
        cls.namchac = cls.admin.unit_id("02689")
        cls.batxat = cls.admin.unit_id("082")

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

    def page_token(self, client, path):
        page = client.request("GET", path).data.decode()
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def new_person(self, unit_id, name):
        _, person = self.admin.json("POST", "/api/v1/people", {"full_name": name, "unit_id": unit_id,
                                                               "position": "Cán bộ", "phone": "0987654321"},
                                    expect=201)
        return person["id"]

    def test_every_commune_of_the_demo_has_a_committee(self):
        officer = self.client("huyen.batxat")
        _, overview = officer.json("GET", f"/api/v1/outreach/units/{self.batxat}/vacancies", expect=200)
        self.assertGreater(len(overview["communes"]), 10)
        self.assertEqual(overview["without_committee"], 0)
        self.assertGreater(overview["without_full_time_deputy"], 0)
        self.assertGreater(overview["villages_without_team"], 0)
        self.assertGreater(overview["small_teams"], 0)
        _, province = self.admin.json("GET", f"/api/v1/outreach/units/{self.admin.unit_id('10')}", expect=200)
        self.assertEqual(province["body"]["kind"], "committee")
        self.assertEqual(len(province["members"]), 7)
        _, district = self.admin.json("GET", f"/api/v1/outreach/units/{self.batxat}/speakers", expect=200)
        self.assertTrue(district["items"] and all(item["topics"] for item in district["items"]))
        page = officer.request("GET", f"/quan-tri/tuyen-van/don-vi/{self.batxat}/tong-hop?sap-xep=thieu")
        self.assertEqual(page.status, 200)
        text = page.data.decode()
        self.assertIn("Thôn, bản chưa có tổ tuyên vận", text)
        self.assertIn("Xã A Mú Sung", text)
        by_name = officer.request("GET", f"/quan-tri/tuyen-van/don-vi/{self.batxat}/tong-hop").data.decode()
        names = re.findall(r'<a href="/quan-tri/tuyen-van/don-vi/\d+">(Xã [^<]+|Thị trấn [^<]+)</a>', by_name)
        self.assertEqual(names[0], "Xã A Lù")

    def test_commune_page_shows_members_teams_and_history_toggle(self):
        officer = self.client("xa.amusung")
        home = officer.request("GET", "/quan-tri/tuyen-van")
        self.assertEqual(home.status, 200)
        self.assertIn("Xã A Mú Sung", home.data.decode())
        page = officer.request("GET", f"/quan-tri/tuyen-van/don-vi/{self.amusung}")
        self.assertEqual(page.status, 200)
        text = page.data.decode()
        self.assertIn("Ban Tuyên vận xã A Mú Sung", text)
        self.assertIn("Tổ tuyên vận ở thôn, bản", text)
        self.assertIn("?lich-su=1", text)
        _, body = officer.json("GET", f"/api/v1/outreach/units/{self.amusung}", expect=200)
        self.assertTrue(body["villages"])
        self.assertTrue(any(v["team"] for v in body["villages"]))

    def test_another_communes_officer_is_refused_and_nothing_is_written(self):
        officer = self.client("xa.amusung")
        _, other = self.admin.json("GET", f"/api/v1/outreach/units/{self.namchac}?history=1", expect=200)
        before = len(other["members"])
        body_id = other["body"]["id"]
        person = self.new_person(self.namchac, "Lò Văn Khách")
        self.assertEqual(officer.request("GET", f"/quan-tri/tuyen-van/don-vi/{self.namchac}").status, 403)
        self.assertEqual(officer.request("GET", f"/api/v1/outreach/units/{self.namchac}").status, 403)
        answer = officer.request("POST", f"/api/v1/outreach/bodies/{body_id}/members",
                                 json_body={"person_id": person, "role": "member", "start_on": "01/03/2020"})
        self.assertEqual(answer.status, 403)
        self.assertIn("không có quyền", json.loads(answer.data)["error"]["message"])
        token = self.page_token(officer, "/quan-tri/tuyen-van")
        form = officer.form(f"/quan-tri/tuyen-van/ban/{body_id}/thanh-vien",
                            {"csrf_token": token, "person_id": person, "role": "member", "start_on": "2020-03-01"})
        self.assertEqual(form.status, 403)
        member_id = other["members"][0]["id"]
        answer = officer.request("POST", f"/api/v1/outreach/members/{member_id}/end",
                                 json_body={"end_on": "01/01/2021", "version": other["members"][0]["version"]})
        self.assertEqual(answer.status, 403)
        _, after = self.admin.json("GET", f"/api/v1/outreach/units/{self.namchac}?history=1", expect=200)
        self.assertEqual(len(after["members"]), before)
        self.assertTrue(all(m["end_on"] is None or m["id"] != member_id for m in after["members"]))

    def test_viewer_reads_but_cannot_change(self):
        viewer = self.client("xem")
        _, unit = viewer.json("GET", f"/api/v1/outreach/units/{self.namchac}", expect=200)
        page = viewer.request("GET", f"/quan-tri/tuyen-van/don-vi/{self.namchac}").data.decode()
        self.assertNotIn("Thêm thành viên", page)
        member = unit["members"][0]
        self.assertEqual(viewer.request("GET", f"/quan-tri/tuyen-van/thanh-vien/{member['id']}/thoi").status, 403)
        self.assertEqual(viewer.request("GET", f"/quan-tri/tuyen-van/ban/{unit['body']['id']}/quy-che").status, 403)
        answer = viewer.request("POST", f"/api/v1/outreach/members/{member['id']}/end",
                                json_body={"end_on": "01/01/2021", "version": member["version"]})
        self.assertEqual(answer.status, 403)
        editor = Client(self.server.port)
        editor.sign_in("bientap", "bientap-laocai-2026")
        self.assertEqual(editor.request("GET", f"/api/v1/outreach/units/{self.namchac}").status, 403)

    def test_changes_need_the_csrf_token(self):
        officer = self.client("xa.amusung")
        _, unit = officer.json("GET", f"/api/v1/outreach/units/{self.amusung}", expect=200)
        person = self.new_person(self.amusung, "Giàng Thị Pà")
        answer = officer.request("POST", f"/api/v1/outreach/bodies/{unit['body']['id']}/members", csrf=False,
                                 json_body={"person_id": person, "role": "member", "start_on": "01/03/2020"})
        self.assertEqual(answer.status, 403)
        form = officer.form(f"/quan-tri/tuyen-van/ban/{unit['body']['id']}/thanh-vien",
                            {"person_id": person, "role": "member", "start_on": "2020-03-01"})
        self.assertEqual(form.status, 403)
        _, after = officer.json("GET", f"/api/v1/outreach/units/{self.amusung}", expect=200)
        self.assertNotIn(person, [m["person_id"] for m in after["members"]])

    def test_add_and_end_a_member_through_the_forms_keeps_history(self):
        officer = self.client("xa.amusung")
        _, unit = officer.json("GET", f"/api/v1/outreach/units/{self.amusung}", expect=200)
        body_id = unit["body"]["id"]
        person = self.new_person(self.amusung, "Sùng Seo Chứ")
        form_page = officer.request("GET", f"/quan-tri/tuyen-van/ban/{body_id}/thanh-vien")
        self.assertEqual(form_page.status, 200)
        self.assertIn("Sùng Seo Chứ", form_page.data.decode())
        token = self.page_token(officer, f"/quan-tri/tuyen-van/ban/{body_id}/thanh-vien")
        fields = {"csrf_token": token, "person_id": person, "role": "member", "start_on": "2020-03-01"}
        added = officer.form(f"/quan-tri/tuyen-van/ban/{body_id}/thanh-vien", fields)
        self.assertEqual(added.status, 303)
        # The same form sent again is refused with a message, and nothing is written twice.
        again = officer.form(f"/quan-tri/tuyen-van/ban/{body_id}/thanh-vien", fields)
        self.assertEqual(again.status, 409)
        self.assertIn("Sùng Seo Chứ đang là Thành viên", again.data.decode())
        _, now = officer.json("GET", f"/api/v1/outreach/units/{self.amusung}", expect=200)
        seats = [m for m in now["members"] if m["person_id"] == person]
        self.assertEqual(len(seats), 1)
        seat = seats[0]
        self.assertEqual(seat["phone"], "0987654321")

        bad = officer.form(f"/quan-tri/tuyen-van/thanh-vien/{seat['id']}/thoi",
                           {"csrf_token": token, "version": seat["version"], "end_on": "29/02/2021"})
        self.assertEqual(bad.status, 422)
        self.assertIn("Ngày thôi tham gia không hợp lệ", bad.data.decode())
        ended = officer.form(f"/quan-tri/tuyen-van/thanh-vien/{seat['id']}/thoi",
                             {"csrf_token": token, "version": seat["version"], "end_on": "2021-06-30"})
        self.assertEqual(ended.status, 303)
        stale = officer.request("POST", f"/api/v1/outreach/members/{seat['id']}/end",
                                json_body={"end_on": "01/07/2021", "version": seat["version"]})
        self.assertEqual(stale.status, 409)
        self.assertIn("đã thôi tham gia từ ngày 30/06/2021", json.loads(stale.data)["error"]["message"])
        _, current = officer.json("GET", f"/api/v1/outreach/units/{self.amusung}", expect=200)
        self.assertNotIn(person, [m["person_id"] for m in current["members"]])
        _, history = officer.json("GET", f"/api/v1/outreach/units/{self.amusung}?history=1", expect=200)
        kept = [m for m in history["members"] if m["person_id"] == person]
        self.assertEqual(kept[0]["end_on"], "2021-06-30")
        page = officer.request("GET", f"/quan-tri/tuyen-van/don-vi/{self.amusung}?lich-su=1").data.decode()
        self.assertIn("30/06/2021", page)
        _, audit = self.admin.json("GET", "/api/v1/audit?limit=50", expect=200)
        actions = [entry.get("action") for entry in audit.get("items", audit if isinstance(audit, list) else [])]
        self.assertIn("outreach.member.end", actions)

    def test_bad_input_gets_vietnamese_field_messages(self):
        officer = self.client("xa.amusung")
        _, unit = officer.json("GET", f"/api/v1/outreach/units/{self.amusung}", expect=200)
        person = self.new_person(self.amusung, "Vàng A Dình")
        answer = officer.request("POST", f"/api/v1/outreach/bodies/{unit['body']['id']}/members",
                                 json_body={"person_id": person, "role": "chairman", "start_on": "31/02/2020"})
        self.assertEqual(answer.status, 422)
        error = json.loads(answer.data)["error"]
        self.assertIn("start_on", error["fields"])
        self.assertIn("role", error["fields"])
        self.assertIn("ngày/tháng/năm", error["fields"]["start_on"])
        twice = officer.request("POST", f"/api/v1/outreach/units/{self.amusung}/body", json_body={})
        self.assertEqual(twice.status, 409)
        self.assertIn("đã có Ban Tuyên vận xã A Mú Sung", json.loads(twice.data)["error"]["message"])

    def test_rules_document_upload_type_check_and_download(self):
        officer = self.client("xa.amusung")
        _, unit = officer.json("GET", f"/api/v1/outreach/units/{self.amusung}", expect=200)
        body_id = unit["body"]["id"]
        token = self.page_token(officer, f"/quan-tri/tuyen-van/ban/{body_id}/quy-che")
        data, headers = multipart({"csrf_token": token, "adopted_on": "2019-03-15"}, "anh.pdf", PNG)
        refused = officer.request("POST", f"/quan-tri/tuyen-van/ban/{body_id}/quy-che", body=data, headers=headers)
        self.assertEqual(refused.status, 422)
        self.assertIn("PDF hoặc DOCX", refused.data.decode())
        data, headers = multipart({"csrf_token": token, "adopted_on": "2019-03-15"}, "Quy chế.pdf", PDF)
        stored = officer.request("POST", f"/quan-tri/tuyen-van/ban/{body_id}/quy-che", body=data, headers=headers)
        self.assertEqual(stored.status, 303)
        _, unit = officer.json("GET", f"/api/v1/outreach/units/{self.amusung}", expect=200)
        rules = unit["rules"][0]
        self.assertEqual(rules["adopted_on"], "2019-03-15")
        download = officer.request("GET", f"/quan-tri/tuyen-van/quy-che/{rules['id']}")
        self.assertEqual(download.status, 200)
        self.assertEqual(download.data, PDF)
        self.assertEqual(download.getheader("Content-Type"), "application/pdf")
        page = officer.request("GET", f"/quan-tri/tuyen-van/don-vi/{self.amusung}").data.decode()
        self.assertIn("Quy chế.pdf", page)
        self.assertIn("15/03/2019", page)

        payload = {"file_name": "quy-che-sua-doi.docx", "adopted_on": "01/07/2020",
                   "content_base64": base64.b64encode(docx_bytes()).decode()}
        _, first = officer.json("POST", f"/api/v1/outreach/bodies/{body_id}/rules", payload, expect=201)
        _, second = officer.json("POST", f"/api/v1/outreach/bodies/{body_id}/rules", payload, expect=201)
        self.assertEqual(first["id"], second["id"])
        _, unit = officer.json("GET", f"/api/v1/outreach/units/{self.amusung}", expect=200)
        self.assertEqual(len(unit["rules"]), 2)
        self.assertEqual(unit["rules"][0]["content_type"],
                         "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        other = self.client("huyen.batxat")
        self.assertEqual(other.request("GET", f"/api/v1/outreach/documents/{first['id']}").status, 200)
        self.assertEqual(self.client("so.vhttdl").request("GET", f"/api/v1/outreach/documents/{first['id']}").status,
                         403)

    def test_speakers_per_level_with_topics(self):
        officer = self.client("xa.amusung")
        person = self.new_person(self.amusung, "Lý Seo Dín")
        _, created = officer.json("POST", f"/api/v1/outreach/units/{self.amusung}/speakers",
                                  {"person_id": person, "topics": ["Phòng, chống ma túy", "Nông thôn mới"]},
                                  expect=201)
        duplicate = officer.request("POST", f"/api/v1/outreach/units/{self.amusung}/speakers",
                                    json_body={"person_id": person, "topics": ["Khác"]})
        self.assertEqual(duplicate.status, 409)
        _, speaker = officer.json("GET", f"/api/v1/outreach/speakers/{created['id']}", expect=200)
        self.assertEqual(sorted(speaker["topics"]), ["Nông thôn mới", "Phòng, chống ma túy"])
        _, updated = officer.json("PATCH", f"/api/v1/outreach/speakers/{created['id']}",
                                  {"topics": ["Chuyển đổi số"], "active": True, "version": speaker["version"]},
                                  expect=200)
        self.assertEqual(updated["topics"], ["Chuyển đổi số"])
        stale = officer.request("PATCH", f"/api/v1/outreach/speakers/{created['id']}",
                                json_body={"topics": ["X"], "version": speaker["version"]})
        self.assertEqual(stale.status, 409)
        listing = officer.request("GET", f"/quan-tri/tuyen-van/don-vi/{self.amusung}/bao-cao-vien").data.decode()
        self.assertIn("Lý Seo Dín", listing)
        self.assertIn("Chuyển đổi số", listing)
        self.assertEqual(officer.request("GET", f"/quan-tri/tuyen-van/bao-cao-vien/{created['id']}").status, 200)
        self.assertEqual(officer.request("GET", f"/quan-tri/tuyen-van/don-vi/{self.namchac}/bao-cao-vien").status,
                         403)

    def test_api_routes_are_in_the_openapi_document(self):
        _, document = self.client().json("GET", "/api/v1/openapi.json", expect=200)
        for path in ("/api/v1/outreach/units/{id}", "/api/v1/outreach/bodies/{body}/members",
                     "/api/v1/outreach/members/{member}/end", "/api/v1/outreach/units/{id}/vacancies",
                     "/api/v1/outreach/speakers/{speaker}"):
            self.assertIn(path, document["paths"])


if __name__ == "__main__":
    unittest.main()
