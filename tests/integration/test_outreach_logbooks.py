"""The outreach logbook through HTTP: the no-script form, the API with its idempotency key, CSRF, another
commune's officer refused, the commune's review, the district's counts, the XLSX read back and the print page."""
import datetime
import io
import re
import unittest
import urllib.parse
import uuid
import zipfile

from harness import Client, Server, Store

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def today():
    # Vietnam's date (UTC+7), as the server judges "the future".
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=7)).date()


def sheet_rows(xlsx):
    """The cells of the first sheet as {row number: {column letter: (type, style, text)}}; shared or inline."""
    import xml.etree.ElementTree as ET
    archive = zipfile.ZipFile(io.BytesIO(xlsx))
    shared = []
    if "xl/sharedStrings.xml" in archive.namelist():
        for item in ET.fromstring(archive.read("xl/sharedStrings.xml")).iter(NS + "si"):
            shared.append("".join(t.text or "" for t in item.iter(NS + "t")))
    rows = {}
    for row in ET.fromstring(archive.read("xl/worksheets/sheet1.xml")).iter(NS + "row"):
        cells = {}
        for cell in row.iter(NS + "c"):
            kind = cell.get("t", "n")
            if kind == "s":
                text = shared[int(cell.find(NS + "v").text)]
            elif kind == "inlineStr":
                text = "".join(t.text or "" for t in cell.iter(NS + "t"))
            else:
                value = cell.find(NS + "v")
                text = value.text if value is not None else ""
            cells[re.match(r"[A-Z]+", cell.get("r")).group(0)] = (kind, cell.get("s"), text)
        rows[int(row.get("r"))] = cells
    return archive, rows


class OutreachLogbooks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.store = Store()
        cls.store.cli("demo", "--items", "20", "--pictures", "1", "--scale", "district")
        cls.server = Server(cls.store)
        cls.admin = cls.client("admin")
        cls.amusung = cls.admin.unit_id("02686")
        cls.namchac = cls.admin.unit_id("02689")
        cls.batxat = cls.admin.unit_id("082")
        _, outreach = cls.admin.json("GET", f"/api/v1/outreach/units/{cls.amusung}", expect=200)
        cls.committee = outreach["body"]["id"]
        cls.team = next(v["team"]["id"] for v in outreach["villages"] if v["team"])
        cls.admin.json("POST", "/api/v1/accounts", {"login": "xa.namchac", "password": "canbo-namchac-2026",
                                                    "role": "commune_officer", "unit_id": cls.namchac}, expect=201)

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

    def page_token(self, client, path):
        page = client.request("GET", path).data.decode()
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1), page

    def entry(self, key, day=None, **extra):
        body = {"client_key": key, "date": (day or today()).isoformat(), "form": "meeting",
                "topic": "Tuyên truyền phòng, chống cháy rừng " + key[:8], "households": 25, "people": "40",
                "opinions": "Bà con đề nghị sửa đường.", "follow_up": "Báo cáo xã.", "written_by": "Giàng A Páo"}
        body.update(extra)
        return body

    def count(self, client, topic):
        _, page = client.json("GET", f"/api/v1/outreach/bodies/{self.team}/logbook?per_page=200&month="
                              + today().strftime("%Y-%m"), expect=200)
        return sum(1 for item in page["items"] if item["topic"] == topic)

    def test_the_plain_form_writes_once_even_when_sent_twice(self):
        officer = self.client("xa.amusung")
        token, page = self.page_token(officer, f"/quan-tri/tuyen-van/ban/{self.team}/nhat-ky/moi")
        key = re.search(r'name="client_key" value="([^"]+)"', page).group(1)
        self.assertIn('name="form" value="home_visit"', page)
        self.assertIn("/static/js/logbook.js?v=", page)
        fields = {"csrf_token": token, "client_key": key, "day": today().isoformat(), "form": "home_visit",
                  "topic": "Vận động đưa trẻ đến trường " + key[-6:], "households": "8", "people": "1.020",
                  "opinions": "", "follow_up": "", "written_by": "Lý Thị Mai"}
        without = officer.form(f"/quan-tri/tuyen-van/ban/{self.team}/nhat-ky", dict(fields, csrf_token="sai"))
        self.assertEqual(without.status, 403)
        for _ in range(2):  # a double tap on a slow phone
            sent = officer.form(f"/quan-tri/tuyen-van/ban/{self.team}/nhat-ky", fields)
            self.assertEqual(sent.status, 303, sent.data[:300])
            self.assertTrue(sent.getheader("Location").endswith("/nhat-ky?da-luu=1"))
        self.assertEqual(self.count(officer, fields["topic"]), 1)
        listed = officer.request("GET", f"/quan-tri/tuyen-van/ban/{self.team}/nhat-ky?da-luu=1").data.decode()
        self.assertIn("Đã lưu mục nhật ký.", listed)
        self.assertIn(fields["topic"], listed)
        self.assertIn(today().strftime("%d/%m/%Y"), listed)

    def test_bad_input_comes_back_in_vietnamese_with_what_was_typed(self):
        officer = self.client("xa.amusung")
        token, page = self.page_token(officer, f"/quan-tri/tuyen-van/ban/{self.team}/nhat-ky/moi")
        key = re.search(r'name="client_key" value="([^"]+)"', page).group(1)
        tomorrow = today() + datetime.timedelta(days=1)
        answer = officer.form(f"/quan-tri/tuyen-van/ban/{self.team}/nhat-ky",
                              {"csrf_token": token, "client_key": key, "day": tomorrow.isoformat(), "form": "online",
                               "topic": "Chủ đề giữ lại khi lỗi", "households": "abc", "people": "3",
                               "written_by": "Lý Thị Mai"})
        self.assertEqual(answer.status, 422)
        text = answer.data.decode()
        self.assertIn("Ngày hoạt động không được sau ngày hôm nay.", text)
        self.assertIn("Số hộ phải là số nguyên", text)
        self.assertIn('value="Chủ đề giữ lại khi lỗi"', text)
        self.assertIn(f'value="{key}"', text)
        status, body = officer.json("POST", f"/api/v1/outreach/bodies/{self.team}/logbook",
                                    self.entry(str(uuid.uuid4()), day=datetime.date(2019, 1, 2)))
        self.assertEqual(status, 422)
        self.assertIn("trước ngày thành lập", body["error"]["message"] + str(body["error"].get("fields", "")))

    def test_api_repeated_key_answers_the_first_entry(self):
        officer = self.client("xa.amusung")
        key = str(uuid.uuid4())
        first = officer.request("POST", f"/api/v1/outreach/bodies/{self.team}/logbook", json_body=self.entry(key))
        self.assertEqual(first.status, 201, first.data[:300])
        again = officer.request("POST", f"/api/v1/outreach/bodies/{self.team}/logbook",
                                json_body=self.entry(key, topic="Khác hẳn"))
        self.assertEqual(again.status, 201)
        self.assertEqual(again.getheader("Idempotent-Replayed"), "true")
        self.assertEqual(again.data, first.data)
        self.assertEqual(self.count(officer, self.entry(key)["topic"]), 1)
        no_csrf = officer.request("POST", f"/api/v1/outreach/bodies/{self.team}/logbook",
                                  json_body=self.entry(str(uuid.uuid4())), csrf=False)
        self.assertEqual(no_csrf.status, 403)
        _, audit = self.admin.json("GET", "/api/v1/audit?per_page=50", expect=200)
        self.assertIn("outreach.logbook.create", [item["action"] for item in audit["items"]])

    def test_another_communes_officer_is_refused(self):
        other = self.client("xa.namchac", "canbo-namchac-2026")
        status, body = other.json("POST", f"/api/v1/outreach/bodies/{self.team}/logbook",
                                  self.entry(str(uuid.uuid4())))
        self.assertEqual(status, 403)
        self.assertEqual(body["error"]["message"], "Bạn không có quyền thực hiện thao tác này với đơn vị này.")
        self.assertEqual(other.request("GET", f"/api/v1/outreach/bodies/{self.team}/logbook").status, 403)
        self.assertEqual(other.request("GET", f"/quan-tri/tuyen-van/ban/{self.team}/nhat-ky").status, 403)
        self.assertEqual(other.request("GET", f"/quan-tri/tuyen-van/don-vi/{self.amusung}/nhat-ky").status, 403)
        self.assertEqual(other.request("GET", f"/quan-tri/tuyen-van/ban/{self.team}/nhat-ky.xlsx").status, 403)
        token, _ = self.page_token(other, "/quan-tri")
        answer = other.form(f"/quan-tri/tuyen-van/ban/{self.team}/nhat-ky",
                            {"csrf_token": token, "client_key": str(uuid.uuid4()), "day": today().isoformat(),
                             "form": "meeting", "topic": "Không được ghi", "written_by": "Người xã khác"})
        self.assertEqual(answer.status, 403)

    def test_the_commune_reviews_and_the_district_counts(self):
        officer = self.client("xa.amusung")
        _, entry = officer.json("POST", f"/api/v1/outreach/bodies/{self.team}/logbook",
                                self.entry(str(uuid.uuid4())), expect=201)
        listed = officer.request("GET", f"/quan-tri/tuyen-van/don-vi/{self.amusung}/nhat-ky?duyet=cho-duyet")
        self.assertEqual(listed.status, 200)
        self.assertIn(entry["topic"], listed.data.decode())
        token, page = self.page_token(officer, f"/quan-tri/tuyen-van/nhat-ky/{entry['id']}")
        self.assertIn("Chờ duyệt", page)
        reviewed = officer.form(f"/quan-tri/tuyen-van/nhat-ky/{entry['id']}/duyet",
                                {"csrf_token": token, "version": entry["version"], "comment": "Ghi rõ, đủ."})
        self.assertEqual(reviewed.status, 303, reviewed.data[:300])
        _, after = officer.json("GET", f"/api/v1/outreach/logbook/{entry['id']}", expect=200)
        self.assertTrue(after["reviewed"])
        self.assertEqual(after["review_comment"], "Ghi rõ, đủ.")
        status, stale = officer.json("POST", f"/api/v1/outreach/logbook/{entry['id']}/review",
                                     {"version": entry["version"], "comment": "Lần hai"})
        self.assertEqual(status, 409)
        district = self.client("huyen.batxat")
        _, counts = district.json("GET", f"/api/v1/outreach/units/{self.batxat}/logbook/counts", expect=200)
        self.assertEqual(len(counts["months"]), 6)
        line = next(c for c in counts["communes"] if c["commune_id"] == self.amusung)
        self.assertGreater(line["months"][-1]["entries"], 0)
        self.assertGreater(counts["total"]["people"], 0)
        self.assertEqual(officer.request("GET", f"/api/v1/outreach/units/{self.batxat}/logbook/counts").status, 403)
        page = district.request("GET", f"/quan-tri/tuyen-van/don-vi/{self.batxat}/nhat-ky")
        self.assertEqual(page.status, 200)
        self.assertIn("Số liệu sổ nhật ký các xã", page.data.decode())
        bad = district.request("GET", f"/api/v1/outreach/units/{self.batxat}/logbook/counts?from=2020-01")
        self.assertEqual(bad.status, 422)
        self.assertIn("tối đa 24 tháng", bad.data.decode())

    def test_xlsx_reads_back_with_real_dates_and_vietnamese_headers(self):
        officer = self.client("xa.amusung")
        start = today().replace(day=1)
        query = urllib.parse.urlencode({"tu": start.strftime("%d/%m/%Y"), "den": today().isoformat()})
        response = officer.request("GET", f"/quan-tri/tuyen-van/ban/{self.team}/nhat-ky.xlsx?{query}")
        self.assertEqual(response.status, 200, response.data[:300])
        self.assertEqual(response.getheader("Content-Type"),
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        disposition = response.getheader("Content-Disposition")
        self.assertIn("filename*=UTF-8''S%E1%BB%95%20nh%E1%BA%ADt%20k%C3%BD", disposition)
        archive, rows = sheet_rows(response.data)
        headers = [text for _, _, text in rows[3].values()]
        self.assertEqual(headers[:6], ["STT", "Ngày", "Ban/Tổ tuyên vận", "Thôn, bản", "Hình thức", "Nội dung, chủ đề"])
        _, listed = officer.json("GET", f"/api/v1/outreach/bodies/{self.team}/logbook?per_page=200&month="
                                 + today().strftime("%Y-%m"), expect=200)
        data_rows = [rows[n] for n in sorted(rows) if n > 3]
        self.assertEqual(len(data_rows), listed["total"])
        self.assertGreater(len(data_rows), 0)
        styles = archive.read("xl/styles.xml").decode()
        self.assertIn('formatCode="dd/mm/yyyy"', styles)
        kind, style, serial = data_rows[0]["B"]
        self.assertEqual(kind, "n")
        self.assertIsNotNone(style)
        day = datetime.date(1899, 12, 30) + datetime.timedelta(days=float(serial))
        self.assertEqual(day, min(datetime.date.fromisoformat(item["date"]) for item in listed["items"]))
        api = officer.request("GET", f"/api/v1/outreach/bodies/{self.team}/logbook.xlsx")
        self.assertEqual(api.status, 200)
        self.assertTrue(api.data.startswith(b"PK"))

    def test_print_page_looks_like_the_paper_book(self):
        officer = self.client("xa.amusung")
        _, entry = officer.json("POST", f"/api/v1/outreach/bodies/{self.team}/logbook",
                                self.entry(str(uuid.uuid4()), topic="Mục để in ra sổ"), expect=201)
        query = urllib.parse.urlencode({"tu": today().replace(day=1).isoformat(), "den": today().isoformat()})
        page = officer.request("GET", f"/quan-tri/tuyen-van/ban/{self.team}/nhat-ky/in?{query}")
        self.assertEqual(page.status, 200)
        text = page.data.decode()
        self.assertIn("SỔ NHẬT KÝ TUYÊN VẬN", text)
        self.assertIn("Mục để in ra sổ", text)
        self.assertIn(entry["body_name"], text)
        self.assertIn("Từ ngày " + today().replace(day=1).strftime("%d/%m/%Y"), text)
        self.assertIn("/static/css/logbook.css", text)
        self.assertNotIn('class="main-nav"', text)
        css = officer.request("GET", "/static/css/logbook.css").data.decode()
        self.assertIn("@media print", css)

    def test_entry_page_lists_the_users_units(self):
        officer = self.client("xa.amusung")
        page = officer.request("GET", "/quan-tri/tuyen-van/so-nhat-ky")
        self.assertEqual(page.status, 200)
        self.assertIn(f"/quan-tri/tuyen-van/don-vi/{self.amusung}/nhat-ky", page.data.decode())
        self.assertEqual(Client(self.server.port).request("GET", "/quan-tri/tuyen-van/so-nhat-ky").status, 303)


if __name__ == "__main__":
    unittest.main()
