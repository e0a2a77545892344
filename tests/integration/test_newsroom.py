"""The newsroom end to end: sites, sections and the editorial workflow of items, through the JSON API
and through the HTML forms, for each role, on the real binary and a real database (SQLite or PostgreSQL
by TUYENVAN_TEST_ENGINE). The demo data is not loaded: units come from the CSV, the first administrator
from `tuyenvan create-user`, everything else through the API."""
import datetime
import json
import os
import re
import struct
import unittest
import urllib.parse
import uuid
import zlib

from harness import SOURCE, Client, Server, Store

ADMIN = ("quantri", "quantri-toa-soan-2026")
PASSWORD = "mat-khau-toa-soan-2026"
VIETNAM = datetime.timezone(datetime.timedelta(hours=7))
STALE = "người khác sửa"


def csrf_of(page):
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def local_input(moment):
    """What <input type=datetime-local> sends for an instant, in Việt Nam time."""
    return moment.astimezone(VIETNAM).strftime("%Y-%m-%dT%H:%M")


def shown(moment):
    """How the newsroom prints an instant: dd/mm/yyyy HH:MM in Việt Nam time."""
    return moment.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")


def epoch_ms(moment):
    return int(moment.timestamp() * 1000)


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png(width=48, height=32):
    """A small real PNG (a colour gradient), made with the standard library."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"".join(bytes((x * 5 % 256, y * 7 % 256, 120)) for x in range(width))
                    for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def multipart(fields, files):
    """A multipart/form-data body: `files` maps a field to (file name, bytes, content type)."""
    boundary = "----tuyenvan" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
                     + str(value).encode() + b"\r\n")
    for name, (filename, data, content_type) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: {content_type}\r\n\r\n".encode() + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


class Newsroom(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.store = Store()
        cls.store.cli("import-units", os.path.join(SOURCE, "data", "units", "lao-cai-before-2025-07.csv"))
        cls.store.cli("create-user", "--login", ADMIN[0], "--role", "administrator", "--unit", "10",
                      stdin=ADMIN[1] + "\n")
        cls.server = Server(cls.store)
        admin = cls.admin = cls.client(*ADMIN)
        cls.province_unit = admin.unit_id("10")
        cls.district_unit = admin.unit_id("082")
        _, cls.province = admin.json("POST", "/api/v1/sites", {"unit_id": cls.province_unit, "slug": "tinh-lao-cai",
                                                               "name": "Tỉnh ủy Lào Cai"}, expect=201)
        _, cls.district = admin.json("POST", "/api/v1/sites", {"unit_id": cls.district_unit, "slug": "huyen-bat-xat",
                                                               "name": "Huyện ủy Bát Xát"}, expect=201)
        _, cls.news = admin.json("POST", f"/api/v1/sites/{cls.province['id']}/sections", {"name": "Thời sự"},
                                 expect=201)
        _, sections = admin.json("GET", f"/api/v1/sites/{cls.province['id']}/sections", expect=200)
        cls.province_column = next(s for s in sections["items"] if s["is_outreach"])["id"]
        _, sections = admin.json("GET", f"/api/v1/sites/{cls.district['id']}/sections", expect=200)
        cls.district_column = next(s for s in sections["items"] if s["is_outreach"])["id"]
        _, cls.district_news = admin.json("POST", f"/api/v1/sites/{cls.district['id']}/sections",
                                          {"name": "Tin huyện"}, expect=201)
        accounts = [("bientap.tinh", "editor", cls.province_unit), ("ctv.tinh", "contributor", cls.province_unit),
                    ("ctv2.tinh", "contributor", cls.province_unit), ("bientap.batxat", "editor", cls.district_unit),
                    ("ctv.batxat", "contributor", cls.district_unit), ("xem.tinh", "viewer", cls.province_unit)]
        for login, role, unit in accounts:
            admin.json("POST", "/api/v1/accounts", {"login": login, "password": PASSWORD, "role": role,
                                                     "unit_id": unit}, expect=201)
        # Both editors also sit on their site's board, which publishes.
        for site, login in ((cls.province, "bientap.tinh"), (cls.district, "bientap.batxat")):
            admin.json("POST", f"/api/v1/sites/{site['id']}/roles", {"login": login, "role": "board"}, expect=201)
        cls.editor = cls.client("bientap.tinh")
        cls.contributor = cls.client("ctv.tinh")
        cls.contributor2 = cls.client("ctv2.tinh")
        cls.district_editor = cls.client("bientap.batxat")
        cls.district_contributor = cls.client("ctv.batxat")
        cls.viewer = cls.client("xem.tinh")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.store.drop()

    @classmethod
    def client(cls, login, password=PASSWORD):
        client = Client(cls.server.port)
        client.sign_in(login, password)
        return client

    def draft(self, client, title, site=None, section=None, **fields):
        site = site or self.province["id"]
        body = {"section_id": section or self.news["id"], "genre": "tin", "title": title,
                "sapo": "Sapo của " + title, "body_md": "Đoạn một của bài.\n\nĐoạn **hai**."}
        body.update(fields)
        _, item = client.json("POST", f"/api/v1/sites/{site}/items", body, expect=201)
        return item

    def approved(self, title):
        item = self.draft(self.contributor, title)
        self.contributor.json("POST", f"/api/v1/items/{item['id']}/submit", {}, expect=200)
        _, item = self.editor.json("POST", f"/api/v1/items/{item['id']}/approve", {}, expect=200)
        return item

    def page(self, client, path, expect=200):
        response = client.request("GET", path)
        self.assertEqual(response.status, expect, f"{path}: {response.data[:300]!r}")
        return response.data.decode()

    def published(self, title, **fields):
        item = self.draft(self.contributor, title, **fields)
        self.contributor.json("POST", f"/api/v1/items/{item['id']}/submit", {}, expect=200)
        self.editor.json("POST", f"/api/v1/items/{item['id']}/approve", {}, expect=200)
        _, item = self.editor.json("POST", f"/api/v1/items/{item['id']}/publish", {}, expect=200)
        return item

    def public(self, item, expect=200):
        """The item's public page (the province's site is the default one), for a reader without a session."""
        response = Client(self.server.port).request("GET", f"/bai-viet/{item['slug']}-{item['id']}")
        self.assertEqual(response.status, expect, response.data[:300])
        return response.data.decode()

    def upload(self, client, site, kind, name, data, content_type, **fields):
        body, headers = multipart(fields, {"file": (name, data, content_type)})
        path = f"/api/v1/sites/{site}/" + ("images" if kind == "image" else "documents")
        response = client.request("POST", path, body=body, headers=headers)
        self.assertEqual(response.status, 201, response.data[:300])
        return json.loads(response.data)

    # ---------- the API ----------

    def test_contributor_drafts_and_submits_then_editor_returns_approves_publishes_withdraws(self):
        item = self.draft(self.contributor, "Hội nghị tuyên vận tháng Ba", extra_section_ids=[self.district_column],
                          pen_name="Hà Giang")
        self.assertEqual(item["status"], "draft")
        self.assertEqual(item["status_label"], "Bản nháp")
        self.assertEqual(item["extra_section_ids"], [self.district_column])
        self.assertEqual([e["action"] for e in item["history"]], ["create"])
        path = f"/api/v1/items/{item['id']}"

        status, body = self.contributor.json("POST", path + "/approve", {})
        self.assertEqual(status, 403)
        self.assertIn("biên tập viên", body["error"]["message"])
        status, _ = self.editor.json("POST", path + "/submit", {})
        self.assertEqual(status, 403, "only the author sends an item for approval")
        _, item = self.contributor.json("POST", path + "/submit", None, expect=200)
        self.assertEqual(item["status"], "submitted")
        status, body = self.contributor.json("PATCH", path, {"title": "Sửa sau khi gửi", "version": item["version"]})
        self.assertEqual(status, 409)
        self.assertIn("Chờ duyệt", body["error"]["message"])
        status, _ = self.contributor.json("POST", path + "/return", {"comment": "Tự trả lại"})
        self.assertEqual(status, 403)

        status, body = self.editor.json("POST", path + "/return", {"comment": "  "})
        self.assertEqual(status, 422)
        self.assertIn("comment", body["error"]["fields"])
        self.assertIn("Lý do trả lại", body["error"]["fields"]["comment"])
        _, item = self.editor.json("POST", path + "/return", {"comment": "Bổ sung số liệu người dự."}, expect=200)
        self.assertEqual(item["status"], "returned")
        self.assertEqual(item["history"][-1]["comment"], "Bổ sung số liệu người dự.")
        self.assertEqual(item["history"][-1]["from_status"], "submitted")
        self.assertEqual(item["history"][-1]["to_status"], "returned")

        _, item = self.contributor.json("PATCH", path, {"body_md": "Có 120 người dự.", "version": item["version"]},
                                        expect=200)
        self.assertEqual(item["body_md"], "Có 120 người dự.")
        self.assertEqual(item["title"], "Hội nghị tuyên vận tháng Ba", "fields left out keep their values")
        self.assertEqual(item["pen_name"], "Hà Giang")
        self.contributor.json("POST", path + "/submit", {}, expect=200)
        _, item = self.editor.json("POST", path + "/approve", {}, expect=200)
        self.assertEqual(item["status"], "approved")
        _, item = self.editor.json("POST", path + "/publish", {}, expect=200)
        self.assertEqual(item["status"], "published")
        self.assertIsNotNone(item["published_at"])
        status, body = self.contributor.json("PATCH", path, {"title": "Tác giả sửa bài đã đăng",
                                                             "version": item["version"]})
        self.assertEqual(status, 403, "contributors do not revise published items")
        self.assertIn("biên tập viên", body["error"]["message"])
        _, revised = self.editor.json("PATCH", path, {"title": "Sửa bài đã đăng", "version": item["version"]},
                                      expect=200)
        self.assertEqual(revised["title"], "Hội nghị tuyên vận tháng Ba", "the published text stays online")
        self.assertEqual(revised["pending_revision"]["title"], "Sửa bài đã đăng")
        _, item = self.editor.json("POST", path + "/withdraw", {"comment": "Thông tin cần kiểm tra lại."},
                                   expect=200)
        self.assertEqual(item["status"], "withdrawn")
        self.assertIsNone(item["pending_revision"])
        self.assertEqual([e["action"] for e in item["history"]],
                         ["create", "submit", "return", "update", "submit", "approve", "publish", "revise",
                          "withdraw"])
        _, audit = self.admin.json("GET", "/api/v1/audit?per_page=20", expect=200)
        self.assertIn("portal.item.withdraw", [entry["action"] for entry in audit["items"]])

    def test_published_item_is_corrected_through_a_pending_revision(self):
        item = self.published("Bài sẽ được đính chính", tags=["Tuyên vận"])
        path = f"/api/v1/items/{item['id']}"
        self.assertIn("Đoạn <strong>hai</strong>.", self.public(item))
        _, revisions = self.editor.json("GET", path + "/revisions", expect=200)
        self.assertEqual([(r["number"], r["state"]) for r in revisions["items"]], [(1, "applied")])

        for client in (self.contributor, self.district_editor):
            status, _ = client.json("PATCH", path, {"body_md": "Sửa trộm", "version": item["version"]})
            with self.subTest(login=client):
                self.assertEqual(status, 403)
        corrected_body = "Đoạn một của bài.\n\nĐoạn **hai** đã đính chính."
        _, revised = self.editor.json("PATCH", path, {"body_md": corrected_body, "tags": ["Đính chính"],
                                                      "version": item["version"]}, expect=200)
        self.assertEqual(revised["body_md"], item["body_md"], "readers keep the published text")
        self.assertEqual(revised["version"], item["version"] + 1)
        pending = revised["pending_revision"]
        self.assertEqual((pending["number"], pending["state"]), (2, "pending"))
        self.assertEqual(pending["body_md"], corrected_body)
        self.assertEqual(pending["account_login"], "bientap.tinh")
        # A second editor working from the same version is told so; the first correction stays.
        status, body = self.admin.json("PATCH", path, {"body_md": "Bản của người thứ hai", "version": item["version"]})
        self.assertEqual(status, 409)
        self.assertIn(STALE, body["error"]["message"])
        # Fields left out keep the pending revision's values, not the published ones.
        _, revised = self.editor.json("PATCH", path, {"sapo": "Sapo đã đính chính", "version": revised["version"]},
                                      expect=200)
        pending = revised["pending_revision"]
        self.assertEqual((pending["number"], pending["sapo"], pending["body_md"]),
                         (2, "Sapo đã đính chính", corrected_body))
        self.assertEqual(pending["tags"], ["Đính chính"])
        self.assertNotIn("đã đính chính", self.public(item), "nothing changes online before the revision is published")

        _, compared = self.contributor.json("GET", path + "/revisions/2/diff", expect=200)
        self.assertEqual(compared["against"], {"kind": "online", "number": None})
        fields = {field["field"]: field for field in compared["fields"]}
        self.assertFalse(fields["title"]["changed"])
        self.assertEqual([(l["op"], l["text"]) for l in fields["body_md"]["lines"]],
                         [("same", "Đoạn một của bài."), ("same", ""), ("deleted", "Đoạn **hai**."),
                          ("inserted", "Đoạn **hai** đã đính chính.")])
        self.assertTrue(fields["sapo"]["changed"])
        for bad in ("abc", "0", "99"):
            self.assertEqual(self.editor.request("GET", f"{path}/revisions/{bad}/diff").status, 404, bad)
        self.assertEqual(self.district_editor.request("GET", path + "/revisions").status, 403)

        status, _ = self.contributor.json("POST", path + "/revision/publish", {})
        self.assertEqual(status, 403)
        status, _ = self.district_editor.json("POST", path + "/revision/publish", {})
        self.assertEqual(status, 403)
        response = self.editor.request("POST", path + "/revision/publish", json_body={}, csrf=False)
        self.assertEqual(response.status, 403)
        status, body = self.editor.json("POST", path + "/revision/publish", {"version": item["version"]})
        self.assertEqual(status, 409, "the revision changed after this version")
        status, body = self.editor.json("POST", path + "/revision/publish", {"version": "một"})
        self.assertEqual(status, 422)
        _, published = self.editor.json("POST", path + "/revision/publish", {"version": revised["version"]},
                                        expect=200)
        self.assertEqual(published["body_md"], corrected_body)
        self.assertEqual(published["sapo"], "Sapo đã đính chính")
        self.assertEqual(published["tags"], ["Đính chính"])
        self.assertEqual(published["published_at"], item["published_at"])
        self.assertIsNone(published["pending_revision"])
        self.assertEqual(published["history"][-1]["action"], "correct")
        page = self.public(item)
        self.assertIn("Đoạn <strong>hai</strong> đã đính chính.", page, "the next reader sees the correction")
        self.assertIn("Sapo đã đính chính", page)
        status, body = self.editor.json("POST", path + "/revision/publish", {})
        self.assertEqual(status, 409)
        self.assertIn("không có bản sửa", body["error"]["message"])

        _, revised = self.editor.json("PATCH", path, {"title": "Bản sửa sẽ bỏ", "version": published["version"]},
                                      expect=200)
        self.assertEqual(revised["pending_revision"]["number"], 3)
        _, dropped = self.editor.json("POST", path + "/revision/discard", None, expect=200)
        self.assertIsNone(dropped["pending_revision"])
        self.assertEqual(dropped["title"], "Bài sẽ được đính chính")
        status, _ = self.editor.json("POST", path + "/revision/discard", {})
        self.assertEqual(status, 409)
        _, revisions = self.contributor.json("GET", path + "/revisions", expect=200)
        self.assertEqual([(r["number"], r["state"]) for r in revisions["items"]],
                         [(1, "applied"), (2, "applied"), (3, "discarded")])
        self.assertEqual(revisions["items"][1]["decided_login"], "bientap.tinh")
        _, compared = self.editor.json("GET", path + "/revisions/2/diff", expect=200)
        self.assertEqual(compared["against"], {"kind": "revision", "number": 1})
        _, audit = self.admin.json("GET", "/api/v1/audit?per_page=30", expect=200)
        actions = [entry["action"] for entry in audit["items"]]
        for action in ("portal.item.revise", "portal.item.correct", "portal.item.discard"):
            self.assertIn(action, actions)

    def test_revision_page_folds_long_unchanged_runs(self):
        lines = [f"Dòng thứ {n}." for n in range(1, 41)]
        item = self.published("Bài dài để so sánh", body_md="\n".join(lines))
        lines[19] = "Dòng thứ 20 đã sửa."
        self.editor.json("PATCH", f"/api/v1/items/{item['id']}", {"body_md": "\n".join(lines),
                                                                  "version": item["version"]}, expect=200)
        page = self.page(self.editor, f"/quan-tri/bai-viet/{item['id']}/phien-ban/2")
        self.assertIn("… 16 dòng không đổi …", page)
        self.assertIn("… 17 dòng không đổi …", page)
        self.assertIn("<span>  Dòng thứ 17.</span>", page)
        self.assertNotIn("Dòng thứ 16.", page)
        self.assertIn("− Dòng thứ 20.</del>", page)
        self.assertIn("+ Dòng thứ 20 đã sửa.</ins>", page)
        self.assertIn("<span>  Dòng thứ 23.</span>", page)
        self.assertNotIn("Dòng thứ 24.", page)

    def test_gallery_attachments_and_related_items_through_the_api(self):
        site = self.province["id"]
        picture = self.upload(self.contributor, site, "image", "hoi-nghi.png", png(), "image/png",
                              alt="Toàn cảnh hội nghị", caption="Ảnh: Thu Hà")
        second = self.upload(self.contributor, site, "image", "dai-bieu.png", png(40, 40), "image/png",
                             alt="Đại biểu phát biểu")
        document = self.upload(self.contributor, site, "document", "ke-hoach.pdf", PDF, "application/pdf")
        district_document = self.upload(self.district_contributor, self.district["id"], "document", "huyen.pdf", PDF,
                                        "application/pdf")
        related = self.published("Bài đã đăng làm bài liên quan")
        draft = self.draft(self.contributor2, "Bản nháp không được liên quan")
        cases = [
            ({"gallery_media_ids": [document["id"]]}, "gallery_media_ids", "kho ảnh"),
            ({"attachment_media_ids": [picture["id"]]}, "attachment_media_ids", "văn bản"),
            ({"attachment_media_ids": [district_document["id"]]}, "attachment_media_ids", "văn bản"),
            ({"related_item_ids": [draft["id"]]}, "related_item_ids", "đã đăng"),
            ({"related_item_ids": list(range(1, 12))}, "related_item_ids", "10"),
            ({"related_item_ids": "1,2"}, "related_item_ids", "mảng mã bài viết"),
            ({"gallery_media_ids": [picture["id"]], "gallery_captions": ["a", "b"]}, "gallery_captions", "chú thích"),
        ]
        for fields, field, words in cases:
            body = {"section_id": self.news["id"], "title": "Bài có ảnh", **fields}
            status, answer = self.contributor.json("POST", f"/api/v1/sites/{site}/items", body)
            with self.subTest(field=field, body=str(fields)[:60]):
                self.assertEqual(status, 422, answer)
                self.assertIn(words, answer["error"]["fields"][field])

        item = self.published("Bài có bộ ảnh và văn bản", featured_media_id=picture["id"],
                              gallery_media_ids=[second["id"], picture["id"]],
                              gallery_captions=["Phát biểu tại hội nghị", ""],
                              attachment_media_ids=[document["id"]], related_item_ids=[related["id"]])
        _, stored = self.editor.json("GET", f"/api/v1/items/{item['id']}", expect=200)
        self.assertEqual(stored["gallery_media_ids"], [second["id"], picture["id"]])
        self.assertEqual(stored["gallery_captions"], ["Phát biểu tại hội nghị", ""])
        self.assertEqual(stored["attachment_media_ids"], [document["id"]])
        self.assertEqual(stored["related_item_ids"], [related["id"]])
        self.assertEqual(stored["featured_media_id"], picture["id"])
        _, listed = self.editor.json("GET", f"/api/v1/sites/{site}/items?status=published", expect=200)
        self.assertNotIn("gallery_media_ids", listed["items"][0], "lists carry no media")

        page = self.public(item)
        self.assertIn(f'/media/{document["id"]}/tai-ve', page)
        self.assertIn("Phát biểu tại hội nghị", page)
        self.assertIn("Ảnh: Thu Hà", page, "a gallery picture without its own caption in the item shows the picture's")
        download = Client(self.server.port).request("GET", f"/media/{document['id']}/tai-ve")
        self.assertEqual(download.status, 200)
        self.assertEqual(download.data, PDF)
        self.assertEqual(download.getheader("Content-Type"), "application/pdf")
        self.assertIn("attachment;", download.getheader("Content-Disposition"))
        self.assertIn("ke-hoach.pdf", download.getheader("Content-Disposition"))
        self.assertEqual(Client(self.server.port).request("GET", f"/media/{district_document['id']}/tai-ve").status,
                         404, "a document attached to no published item is not public")

    def test_editor_publishes_now_or_schedules_with_an_offset_or_epoch_ms(self):
        later = datetime.datetime.now(VIETNAM).replace(second=0, microsecond=0) + datetime.timedelta(days=3)
        item = self.approved("Lịch tiếp xúc cử tri")
        _, scheduled = self.editor.json("POST", f"/api/v1/items/{item['id']}/publish",
                                        {"publish_at": later.isoformat()}, expect=200)
        self.assertEqual(scheduled["status"], "scheduled")
        self.assertEqual(scheduled["publish_at"], epoch_ms(later))
        page = self.page(self.editor, f"/quan-tri/bai-viet/{item['id']}")
        self.assertIn("Hẹn đăng lúc " + shown(later), page)

        utc = later.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        item = self.approved("Lịch tiếp công dân")
        _, scheduled = self.editor.json("POST", f"/api/v1/items/{item['id']}/publish", {"publish_at": utc}, expect=200)
        self.assertEqual(scheduled["publish_at"], epoch_ms(later))

        item = self.approved("Lịch trực ban")
        for bad in ("ngày mai", "2026-03-05T14:30:00", "2026-02-30T10:00:00+07:00", "2026-03-05T25:00:00Z", 1.5,
                    True):
            status, body = self.editor.json("POST", f"/api/v1/items/{item['id']}/publish", {"publish_at": bad})
            with self.subTest(publish_at=bad):
                self.assertEqual(status, 422)
                self.assertIn("publish_at", body["error"]["fields"])
                self.assertIn("ISO 8601", body["error"]["fields"]["publish_at"])
        _, still = self.editor.json("GET", f"/api/v1/items/{item['id']}", expect=200)
        self.assertEqual(still["status"], "approved")
        _, scheduled = self.editor.json("POST", f"/api/v1/items/{item['id']}/publish",
                                        {"publish_at": epoch_ms(later)}, expect=200)
        self.assertEqual(scheduled["status"], "scheduled")
        _, withdrawn = self.editor.json("POST", f"/api/v1/items/{item['id']}/withdraw", None, expect=200)
        self.assertEqual(withdrawn["status"], "withdrawn")
        self.assertIsNone(withdrawn["publish_at"])

        item = self.approved("Kết quả hội nghị")
        _, published = self.editor.json("POST", f"/api/v1/items/{item['id']}/publish", {"publish_at": None},
                                        expect=200)
        self.assertEqual(published["status"], "published")

    def test_district_editor_cannot_touch_the_province_site(self):
        province = self.province["id"]
        item = self.draft(self.editor, "Tin của tỉnh")
        district = self.district_editor
        for method, path, body in [
            ("GET", f"/api/v1/sites/{province}", None),
            ("GET", f"/api/v1/sites/{province}/sections", None),
            ("POST", f"/api/v1/sites/{province}/sections", {"name": "Chuyên mục lạ"}),
            ("GET", f"/api/v1/sites/{province}/items", None),
            ("POST", f"/api/v1/sites/{province}/items", {"section_id": self.news["id"], "title": "Chen vào"}),
            ("GET", f"/api/v1/items/{item['id']}", None),
            ("PATCH", f"/api/v1/items/{item['id']}", {"title": "Sửa trộm", "version": item["version"]}),
            ("POST", f"/api/v1/items/{item['id']}/approve", {}),
            ("POST", f"/api/v1/items/{item['id']}/return", {}),
            ("POST", f"/api/v1/items/{item['id']}/withdraw", {}),
        ]:
            status, answer = district.json(method, path, body)
            with self.subTest(method=method, path=path):
                self.assertEqual(status, 403, answer)
        for path in (f"/quan-tri/trang/{province}", f"/quan-tri/trang/{province}/bai-viet/moi",
                     f"/quan-tri/bai-viet/{item['id']}"):
            self.page(district, path, expect=403)
        token = csrf_of(self.page(district, "/quan-tri/trang"))
        response = district.form(f"/quan-tri/trang/{province}/bai-viet",
                                 {"csrf_token": token, "section_id": self.news["id"], "title": ""})
        self.assertEqual(response.status, 403)
        _, sites = district.json("GET", "/api/v1/sites", expect=200)
        self.assertEqual([s["id"] for s in sites["items"]], [self.district["id"]])
        self.assertNotIn(f'href="/quan-tri/trang/{province}"', self.page(district, "/quan-tri/trang"))
        # On the district's own site, the district editor works; the province's column takes the item.
        own = self.draft(district, "Tin huyện gửi tỉnh", site=self.district["id"], section=self.district_news["id"],
                         extra_section_ids=[self.province_column])
        self.assertEqual(own["extra_section_ids"], [self.province_column])
        status, body = district.json("POST", f"/api/v1/sites/{self.district['id']}/items",
                                     {"section_id": self.district_news["id"], "title": "Sai chuyên mục",
                                      "extra_section_ids": [self.news["id"]]})
        self.assertEqual(status, 422)
        self.assertIn("extra_section_ids", body["error"]["fields"])

    def test_contributor_sees_only_their_own_items(self):
        mine = self.draft(self.contributor, "Bài riêng của cộng tác viên một")
        theirs = self.draft(self.contributor2, "Bài riêng của cộng tác viên hai")
        status, _ = self.contributor2.json("GET", f"/api/v1/items/{mine['id']}")
        self.assertEqual(status, 403)
        status, _ = self.contributor2.json("POST", f"/api/v1/items/{mine['id']}/submit", {})
        self.assertEqual(status, 403)
        status, _ = self.contributor2.json("PATCH", f"/api/v1/items/{mine['id']}",
                                           {"title": "Đổi", "version": mine["version"]})
        self.assertEqual(status, 403)
        _, listed = self.contributor2.json("GET", f"/api/v1/sites/{self.province['id']}/items?per_page=200",
                                           expect=200)
        ids = {item["id"] for item in listed["items"]}
        self.assertIn(theirs["id"], ids)
        self.assertNotIn(mine["id"], ids)
        self.assertTrue(all(item["author_login"] == "ctv2.tinh" for item in listed["items"]))
        _, site = self.contributor2.json("GET", f"/api/v1/sites/{self.province['id']}", expect=200)
        self.assertEqual(site["role"], "contributor")
        self.assertEqual(sum(site["counts"].values()), listed["total"])
        page = self.page(self.contributor2, f"/quan-tri/trang/{self.province['id']}")
        self.assertIn("Bài riêng của cộng tác viên hai", page)
        self.assertNotIn("Bài riêng của cộng tác viên một", page)
        self.assertNotIn("Thêm chuyên mục", page)
        self.page(self.contributor2, f"/quan-tri/bai-viet/{mine['id']}", expect=403)
        _, all_items = self.editor.json("GET", f"/api/v1/sites/{self.province['id']}/items?per_page=200", expect=200)
        self.assertTrue({mine["id"], theirs["id"]} <= {item["id"] for item in all_items["items"]})
        status, body = self.contributor2.json("POST", f"/api/v1/sites/{self.province['id']}/sections",
                                              {"name": "Chuyên mục của cộng tác viên"})
        self.assertEqual(status, 403)

    def test_stale_version_is_a_conflict_and_nothing_is_overwritten(self):
        item = self.draft(self.contributor, "Bản gốc")
        path = f"/api/v1/items/{item['id']}"
        _, first = self.editor.json("PATCH", path, {"title": "Biên tập viên sửa", "version": item["version"]},
                                    expect=200)
        status, body = self.contributor.json("PATCH", path, {"title": "Tác giả sửa", "version": item["version"]})
        self.assertEqual(status, 409)
        self.assertEqual(body["error"]["code"], "conflict")
        self.assertIn(STALE, body["error"]["message"])
        _, stored = self.contributor.json("GET", path, expect=200)
        self.assertEqual(stored["title"], "Biên tập viên sửa")
        self.assertEqual(stored["version"], first["version"])
        status, body = self.contributor.json("PATCH", path, {"title": "Không có phiên bản"})
        self.assertEqual(status, 422)
        self.assertIn("version", body["error"]["fields"])

        # The same through the form: the page says so, keeps what was typed, and the stored text stays.
        page = self.page(self.contributor, f"/quan-tri/bai-viet/{item['id']}")
        form = {"csrf_token": csrf_of(page), "version": item["version"], "genre": "bai", "title": "Gõ trên biểu mẫu",
                "sapo": "Sapo gõ lại", "body_md": "Nội dung gõ trên biểu mẫu <b>đậm</b>"}
        response = self.contributor.form(f"/quan-tri/bai-viet/{item['id']}", form)
        self.assertEqual(response.status, 409)
        html = response.data.decode()
        self.assertIn(STALE, html)
        self.assertIn('value="Gõ trên biểu mẫu"', html)
        self.assertIn("Nội dung gõ trên biểu mẫu &lt;b&gt;đậm&lt;/b&gt;", html)
        self.assertIn("Biên tập viên sửa", html, "the stored text is shown beside what was typed")
        self.assertIn(f'name="version" value="{stored["version"]}"', html)
        _, after = self.contributor.json("GET", path, expect=200)
        self.assertEqual(after["title"], "Biên tập viên sửa")
        self.assertEqual(after["version"], stored["version"])

    def test_invalid_input_gets_vietnamese_field_messages(self):
        site = f"/api/v1/sites/{self.province['id']}/items"
        cases = [
            ({"section_id": self.news["id"], "title": "   "}, "title", "Tiêu đề"),
            ({"section_id": 999999, "title": "Chuyên mục không có"}, "section_id", "chuyên mục"),
            ({"section_id": self.district_news["id"], "title": "Chuyên mục trang khác"}, "section_id", "chuyên mục"),
            ({"title": "Thiếu chuyên mục"}, "section_id", "chuyên mục"),
            ({"section_id": "một", "title": "Chuyên mục là chữ"}, "section_id", "chuyên mục"),
            ({"section_id": self.news["id"], "title": "Thể loại lạ", "genre": "phong-su"}, "genre", "Thể loại"),
            ({"section_id": self.news["id"], "title": "Mảng hỏng", "extra_section_ids": "1,2"}, "extra_section_ids",
             "mảng"),
            ({"section_id": self.news["id"], "title": "x" * 301}, "title", "300"),
        ]
        for body, field, words in cases:
            status, answer = self.contributor.json("POST", site, body)
            with self.subTest(field=field, body=str(body)[:60]):
                self.assertEqual(status, 422, answer)
                self.assertIn(field, answer["error"]["fields"])
                self.assertIn(words, answer["error"]["fields"][field])
        bad_json = self.contributor.request("POST", site, body=b"{khong phai json",
                                            headers={"Content-Type": "application/json"})
        self.assertEqual(bad_json.status, 400)
        self.assertIn("JSON", json.loads(bad_json.data)["error"]["message"])
        status, body = self.contributor.json("GET", f"/api/v1/sites/{self.province['id']}/items?status=xuat-ban")
        self.assertEqual(status, 422)
        self.assertIn("status", body["error"]["fields"])
        status, body = self.admin.json("POST", "/api/v1/sites", {"unit_id": self.district_unit, "slug": "Bát Xát",
                                                                 "name": ""})
        self.assertEqual(status, 422)
        self.assertIn("slug", body["error"]["fields"])
        self.assertIn("name", body["error"]["fields"])
        status, body = self.admin.json("POST", "/api/v1/sites", {"unit_id": self.district_unit, "slug": "tinh-lao-cai",
                                                                 "name": "Trùng đường dẫn"})
        self.assertEqual(status, 409)
        self.assertIn("slug", body["error"]["fields"])
        status, body = self.editor.json("POST", f"/api/v1/sites/{self.province['id']}/sections", {"name": "Thời sự"})
        self.assertEqual(status, 409)
        status, _ = self.editor.json("POST", "/api/v1/sites", {"unit_id": self.province_unit, "slug": "trang-moi",
                                                               "name": "Trang mới"})
        self.assertEqual(status, 403, "only administrators create sites")
        self.assertEqual(self.contributor.request("GET", "/api/v1/items/0").status, 404)
        self.assertEqual(self.contributor.request("GET", "/api/v1/items/abc").status, 404)
        self.assertEqual(self.contributor.request("GET", "/api/v1/items/99999999").status, 404)

    def test_changes_without_the_csrf_token_are_refused(self):
        item = self.draft(self.contributor, "Thử CSRF")
        for method, path, body in [
            ("POST", "/api/v1/sites", {"unit_id": self.district_unit, "slug": "khong-token", "name": "Không token"}),
            ("POST", f"/api/v1/sites/{self.province['id']}/sections", {"name": "Không token"}),
            ("POST", f"/api/v1/sites/{self.province['id']}/items", {"section_id": self.news["id"], "title": "X"}),
            ("PATCH", f"/api/v1/items/{item['id']}", {"title": "Không token", "version": item["version"]}),
            ("POST", f"/api/v1/items/{item['id']}/submit", {}),
        ]:
            response = self.admin.request(method, path, json_body=body, csrf=False)
            with self.subTest(method=method, path=path):
                self.assertEqual(response.status, 403)
                self.assertEqual(json.loads(response.data)["error"]["code"], "csrf")
        for path, fields in [
            ("/quan-tri/trang", {"unit_id": self.district_unit, "slug": "khong-token", "name": "Không token"}),
            (f"/quan-tri/trang/{self.province['id']}/chuyen-muc", {"name": "Không token"}),
            (f"/quan-tri/trang/{self.province['id']}/bai-viet", {"section_id": self.news["id"], "title": "X"}),
            (f"/quan-tri/bai-viet/{item['id']}", {"title": "Không token", "version": item["version"]}),
            (f"/quan-tri/bai-viet/{item['id']}/gui-duyet", {}),
            (f"/quan-tri/bai-viet/{item['id']}/gui-duyet", {"csrf_token": "sai"}),
        ]:
            response = self.contributor.form(path, fields)
            with self.subTest(form=path):
                self.assertEqual(response.status, 403)
                self.assertIn("Hãy tải lại trang", response.data.decode())
        _, still = self.contributor.json("GET", f"/api/v1/items/{item['id']}", expect=200)
        self.assertEqual((still["title"], still["status"]), ("Thử CSRF", "draft"))

    # ---------- the pages ----------

    def test_roles_per_section_and_only_the_board_publishes(self):
        admin, site = self.admin, self.district["id"]
        _, culture = admin.json("POST", f"/api/v1/sites/{site}/sections", {"name": "Văn hóa xã hội"}, expect=201)
        for login, role in (("bt.vanhoa", "viewer"), ("bt.chi.duyet", "editor")):
            admin.json("POST", "/api/v1/accounts", {"login": login, "password": PASSWORD, "role": role,
                                                     "unit_id": self.district_unit}, expect=201)
        board = self.district_editor
        # The board gives roles through the site page's form; a bad login stays on the form with its message.
        page = self.page(board, f"/quan-tri/trang/{site}")
        self.assertIn("Giao vai trò", page)
        token = csrf_of(page)
        response = board.form(f"/quan-tri/trang/{site}/vai-tro",
                              {"csrf_token": token, "login": "khong.co.ai", "role": "editor", "section_id": ""})
        self.assertEqual(response.status, 422)
        self.assertIn("Không có tài khoản", response.data.decode())
        self.assertIn('value="khong.co.ai"', response.data.decode())
        response = board.form(f"/quan-tri/trang/{site}/vai-tro", {"csrf_token": token, "login": "bt.vanhoa",
                                                                  "role": "editor", "section_id": culture["id"]})
        self.assertEqual(response.status, 303, response.data[:300])
        self.assertIn("Đã giao vai trò", self.page(board, response.getheader("Location")))
        self.assertEqual(board.form(f"/quan-tri/trang/{site}/vai-tro", {"login": "bt.vanhoa", "role": "board"}).status,
                         403, "no CSRF token, nothing granted")
        _, roles = board.json("GET", f"/api/v1/sites/{site}/roles", expect=200)
        section_editor = [r for r in roles["items"] if r["login"] == "bt.vanhoa"]
        self.assertEqual([(r["role"], r["section_id"]) for r in section_editor], [("editor", culture["id"])])
        self.assertTrue(any(r["login"] == "bt.chi.duyet" and r["from_unit_grant"] for r in roles["items"]))

        # A section editor decides the section's items only; a plain editor approves but cannot publish.
        section_client, plain = self.client("bt.vanhoa"), self.client("bt.chi.duyet")
        _, desk = section_client.json("GET", f"/api/v1/sites/{site}", expect=200)
        self.assertEqual((desk["role"], desk["site_role"]), ("editor", None))
        ours = self.draft(self.district_contributor, "Liên hoan văn nghệ quần chúng", site=site, section=culture["id"])
        theirs = self.draft(self.district_contributor, "Tin thời sự huyện", site=site, section=self.district_news["id"])
        for item in (ours, theirs):
            self.district_contributor.json("POST", f"/api/v1/items/{item['id']}/submit", {}, expect=200)
        _, listed = section_client.json("GET", f"/api/v1/sites/{site}/items", expect=200)
        self.assertEqual([i["id"] for i in listed["items"]], [ours["id"]])
        self.assertEqual(section_client.json("POST", f"/api/v1/items/{theirs['id']}/approve", {})[0], 403)
        section_client.json("POST", f"/api/v1/items/{ours['id']}/approve", {}, expect=200)
        plain.json("POST", f"/api/v1/items/{theirs['id']}/approve", {}, expect=200)
        status, body = plain.json("POST", f"/api/v1/items/{theirs['id']}/publish", {})
        self.assertEqual(status, 403)
        self.assertIn("ban biên tập", body["error"]["message"])
        item_page = self.page(plain, f"/quan-tri/bai-viet/{theirs['id']}")
        self.assertNotIn(f'action="/quan-tri/bai-viet/{theirs["id"]}/dang"', item_page, "no publish button for editors")
        self.assertIn(f'action="/quan-tri/bai-viet/{theirs["id"]}/dang"',
                      self.page(board, f"/quan-tri/bai-viet/{theirs['id']}"))
        self.assertNotIn("Giao vai trò", self.page(plain, f"/quan-tri/trang/{site}"), "only the board gives roles")
        status, _ = plain.json("POST", f"/api/v1/sites/{site}/roles", {"login": "bt.vanhoa", "role": "board"})
        self.assertEqual(status, 403)
        board.json("POST", f"/api/v1/items/{theirs['id']}/publish", {}, expect=200)

        # Taken back through the API, the section role is gone at once.
        grant = section_editor[0]["id"]
        board.json("DELETE", f"/api/v1/sites/{site}/roles/{grant}", expect=200)
        self.assertEqual(section_client.json("GET", f"/api/v1/sites/{site}")[0], 403)
        self.assertEqual(board.json("DELETE", f"/api/v1/sites/{site}/roles/{grant}")[0], 404)
        self.assertEqual(section_client.json("POST", f"/api/v1/items/{ours['id']}/return",
                                             {"comment": "Bổ sung ảnh."})[0], 403)

    def test_workflow_through_the_forms(self):
        ctv, editor = self.contributor, self.editor
        site = self.province["id"]
        new_page = self.page(ctv, f"/quan-tri/trang/{site}/bai-viet/moi")
        self.assertIn('data-editor="markdown"', new_page)
        self.assertIn(f'data-upload-url="/quan-tri/trang/{site}/anh"', new_page)
        self.assertRegex(new_page, r'<script src="/static/js/editor\.js\?v=[0-9a-f]+" defer>')
        self.assertIn("/static/vendor/milkdown/milkdown.min.js?v=", new_page)
        self.assertIn("Huyện ủy Bát Xát — Thông tin tuyên vận", new_page)
        self.assertNotIn("editor.js", self.page(ctv, f"/quan-tri/trang/{site}"), "editor assets only on editor pages")
        token = csrf_of(new_page)

        fields = {"csrf_token": token, "section_id": self.news["id"], "genre": "tin", "title": "",
                  "sapo": "Sapo giữ lại", "body_md": "Nội dung giữ lại", "pen_name": "Minh Anh",
                  "tags": "dân vận khéo, Bát Xát"}
        response = ctv.form(f"/quan-tri/trang/{site}/bai-viet", fields)
        self.assertEqual(response.status, 422)
        html = response.data.decode()
        self.assertIn('href="#title"', html, "the error summary links to the field")
        self.assertIn('id="title" name="title" value="" required maxlength="300" aria-invalid="true"', html)
        self.assertIn("Nội dung giữ lại", html)
        self.assertIn('value="dân vận khéo, Bát Xát"', html)

        fields.update(title="Ra quân tháng Thanh niên", extra_section_ids=[str(self.district_column)])
        response = ctv.request("POST", f"/quan-tri/trang/{site}/bai-viet",
                               body=urllib.parse.urlencode(fields, doseq=True),
                               headers={"Content-Type": "application/x-www-form-urlencoded"}, csrf=False)
        self.assertEqual(response.status, 303)
        location = response.getheader("Location")
        item_id = int(re.match(r"/quan-tri/bai-viet/(\d+)\?da=tao$", location).group(1))
        page = self.page(ctv, location)
        self.assertIn("Đã tạo bản nháp", page)
        self.assertIn("Gửi duyệt", page)
        self.assertNotIn(">Duyệt<", page)
        _, stored = ctv.json("GET", f"/api/v1/items/{item_id}", expect=200)
        self.assertEqual(stored["extra_section_ids"], [self.district_column])
        self.assertEqual(stored["pen_name"], "Minh Anh")
        self.assertEqual(sorted(stored["tags"]), ["Bát Xát", "dân vận khéo"])

        edit = dict(fields, version=stored["version"], sapo="Sapo đã sửa")
        del edit["section_id"]
        response = ctv.request("POST", f"/quan-tri/bai-viet/{item_id}", body=urllib.parse.urlencode(edit, doseq=True),
                               headers={"Content-Type": "application/x-www-form-urlencoded"}, csrf=False)
        self.assertEqual(response.status, 303)
        self.assertIn("Đã lưu bài viết", self.page(ctv, response.getheader("Location")))
        self.assertEqual(ctv.form(f"/quan-tri/bai-viet/{item_id}/gui-duyet", {"csrf_token": token}).status, 303)
        page = self.page(ctv, f"/quan-tri/bai-viet/{item_id}")
        self.assertIn("Chờ duyệt", page)
        self.assertNotIn('action="/quan-tri/bai-viet/%d"' % item_id, page, "no edit form once submitted")
        self.assertEqual(ctv.form(f"/quan-tri/bai-viet/{item_id}/duyet", {"csrf_token": token}).status, 403)

        page = self.page(editor, f"/quan-tri/bai-viet/{item_id}")
        editor_token = csrf_of(page)
        self.assertIn("Trả lại tác giả", page)
        self.assertIn(">Duyệt<", page)
        response = editor.form(f"/quan-tri/bai-viet/{item_id}/tra-lai", {"csrf_token": editor_token, "comment": ""})
        self.assertEqual(response.status, 422)
        html = response.data.decode()
        self.assertIn('href="#return_comment"', html)
        self.assertIn('id="return_comment-loi"', html)
        response = editor.form(f"/quan-tri/bai-viet/{item_id}/tra-lai",
                               {"csrf_token": editor_token, "comment": "Thêm ảnh hoạt động."})
        self.assertEqual(response.status, 303)
        self.assertIn("Đã trả lại bài viết", self.page(editor, response.getheader("Location")))
        page = self.page(ctv, f"/quan-tri/bai-viet/{item_id}")
        self.assertIn("Thêm ảnh hoạt động.", page)
        self.assertIn("Chờ duyệt → Trả lại", page)
        self.assertEqual(ctv.form(f"/quan-tri/bai-viet/{item_id}/gui-duyet", {"csrf_token": token}).status, 303)
        self.assertEqual(editor.form(f"/quan-tri/bai-viet/{item_id}/duyet", {"csrf_token": editor_token}).status, 303)
        page = self.page(editor, f"/quan-tri/bai-viet/{item_id}?da=duyet")
        self.assertIn("Đã duyệt bài viết", page)
        self.assertIn("Đăng ngay", page)
        self.assertIn('type="datetime-local" id="publish_at"', page)

        past = datetime.datetime.now(VIETNAM) - datetime.timedelta(hours=2)
        for bad in (local_input(past), "mai", "2026-13-01T10:00"):
            response = editor.form(f"/quan-tri/bai-viet/{item_id}/dang", {"csrf_token": editor_token,
                                                                          "publish_at": bad})
            with self.subTest(publish_at=bad):
                self.assertEqual(response.status, 422)
                self.assertIn('id="publish_at-loi"', response.data.decode())
        later = datetime.datetime.now(VIETNAM).replace(second=0, microsecond=0) + datetime.timedelta(days=2)
        response = editor.form(f"/quan-tri/bai-viet/{item_id}/dang", {"csrf_token": editor_token,
                                                                      "publish_at": local_input(later)})
        self.assertEqual(response.status, 303)
        page = self.page(editor, response.getheader("Location"))
        self.assertIn("Đã hẹn giờ đăng bài viết lúc " + shown(later), page)
        _, scheduled = editor.json("GET", f"/api/v1/items/{item_id}", expect=200)
        self.assertEqual(scheduled["status"], "scheduled")
        self.assertEqual(scheduled["publish_at"], epoch_ms(later))
        response = editor.form(f"/quan-tri/bai-viet/{item_id}/go", {"csrf_token": editor_token,
                                                                    "comment": "Lùi lịch đăng."})
        self.assertEqual(response.status, 303)
        self.assertIn("Đã gỡ bài viết", self.page(editor, response.getheader("Location")))

        other = self.approved("Đăng ngay qua biểu mẫu")
        response = editor.form(f"/quan-tri/bai-viet/{other['id']}/dang", {"csrf_token": editor_token})
        self.assertEqual(response.status, 303)
        page = self.page(editor, response.getheader("Location"))
        self.assertIn("Đã đăng bài viết.", page)
        self.assertIn("<strong>hai</strong>", page, "a published item shows its rendered body")
        self.assertIn("Gỡ bài", page)
        response = editor.form(f"/quan-tri/bai-viet/{other['id']}/duyet", {"csrf_token": editor_token})
        self.assertEqual(response.status, 409)
        self.assertIn("Không thể duyệt", response.data.decode())

    def test_revisions_attachments_and_media_through_the_forms(self):
        editor, ctv = self.editor, self.contributor
        site = self.province["id"]
        picture = self.upload(ctv, site, "image", "anh-bia.png", png(), "image/png", alt="Ảnh bìa hội nghị")
        kept = self.upload(ctv, site, "document", "giu-lai.pdf", PDF, "application/pdf")
        item = self.published("Bài sửa qua biểu mẫu", attachment_media_ids=[kept["id"]])
        item_path = f"/quan-tri/bai-viet/{item['id']}"

        page = self.page(editor, item_path)
        token = csrf_of(page)
        self.assertIn("Sửa bài đã đăng", page)
        self.assertIn("Nội dung đang đăng", page)
        self.assertIn("<strong>hai</strong>", page)
        self.assertIn("Lịch sử phiên bản", page)
        self.assertIn(f'href="{item_path}/phien-ban/1"', page)
        self.assertIn('<option value="%d">Ảnh bìa hội nghị (anh-bia.png)</option>' % picture["id"], page)
        self.assertIn("giu-lai.pdf", page)
        self.assertNotIn("Đăng bản sửa</button>", page)
        ctv_page = self.page(ctv, item_path)
        self.assertNotIn(f'action="{item_path}"', ctv_page, "contributors get no edit form on a published item")
        self.assertNotIn(f'action="{item_path}/tep"', ctv_page)
        form = {"csrf_token": csrf_of(ctv_page), "version": item["version"], "genre": "tin", "title": "Tác giả sửa",
                "sapo": "", "body_md": "Không được"}
        self.assertEqual(ctv.form(item_path, form).status, 403)

        body = "Đoạn một của bài.\n\nĐoạn **hai** đã sửa <b>đậm</b>."
        edit = {"csrf_token": token, "version": item["version"], "genre": "tin", "title": item["title"],
                "sapo": item["sapo"], "body_md": body.replace("\n", "\r\n"), "media_form": "1",
                "featured_media_id": str(picture["id"]), "featured_caption": "Ảnh: Báo Lào Cai",
                "gallery_media_ids": [str(picture["id"])], f"gallery_caption_{picture['id']}": "Hội trường",
                "attachment_media_ids": [str(kept["id"])], "attachment_remove": [str(kept["id"])]}
        response = editor.request("POST", item_path, body=urllib.parse.urlencode(edit, doseq=True),
                                  headers={"Content-Type": "application/x-www-form-urlencoded"}, csrf=False)
        self.assertEqual(response.status, 303)
        page = self.page(editor, response.getheader("Location"))
        self.assertIn("Đã lưu bản sửa", page)
        self.assertIn("Bài có bản sửa chưa đăng", page)
        self.assertIn("Đăng bản sửa</button>", page)
        self.assertIn("Bỏ bản sửa</button>", page)
        self.assertIn("đã sửa &lt;b&gt;đậm&lt;/b&gt;.</textarea>", page, "the form shows the pending text")
        self.assertIn("Hội trường", page)
        _, stored = editor.json("GET", f"/api/v1/items/{item['id']}", expect=200)
        self.assertEqual(stored["attachment_media_ids"], [kept["id"]], "online: unchanged")
        pending = stored["pending_revision"]
        self.assertEqual(pending["body_md"], body)
        self.assertEqual(pending["featured_media_id"], picture["id"])
        self.assertEqual(pending["gallery_media_ids"], [picture["id"]])
        self.assertEqual(pending["gallery_captions"], ["Hội trường"])
        self.assertEqual(pending["attachment_media_ids"], [])
        # The same form again, from the old version: refused, what was typed is kept, the pending text stays.
        response = editor.form(item_path, dict(edit, body_md="Bản cũ ghi đè", media_form=""))
        self.assertEqual(response.status, 409)
        self.assertIn(STALE, response.data.decode())
        self.assertIn("Bản cũ ghi đè", response.data.decode())

        diff = self.page(ctv, f"{item_path}/phien-ban/2")
        self.assertIn("So sánh với nội dung đang đăng", diff)
        self.assertIn("<del><span class=\"visually-hidden\">Bỏ: </span>− Đoạn **hai**.</del>", diff)
        self.assertIn("+ Đoạn **hai** đã sửa &lt;b&gt;đậm&lt;/b&gt;.</ins>", diff)
        self.assertIn("<span>  Đoạn một của bài.</span>\n<span>  </span>\n<del>", diff, "blank lines are kept")
        self.assertNotIn("Đăng bản sửa</button>", diff, "contributors do not decide")
        self.assertIn("Đăng bản sửa</button>", self.page(editor, f"{item_path}/phien-ban/2"))
        self.assertIn("Phiên bản đầu tiên", self.page(editor, f"{item_path}/phien-ban/1"))
        for bad in ("abc", "0", "7"):
            self.page(editor, f"{item_path}/phien-ban/{bad}", expect=404)
        self.page(self.district_editor, f"{item_path}/phien-ban/2", expect=403)
        self.page(self.contributor2, f"{item_path}/phien-ban/2", expect=403)

        # A document uploaded from the page goes onto the pending revision.
        upload, headers = multipart({"csrf_token": token, "caption": "Kế hoạch năm"},
                                    {"file": ("ke-hoach-nam.pdf", PDF, "application/pdf")})
        response = editor.request("POST", f"{item_path}/tep", body=upload, headers=headers, csrf=False)
        self.assertEqual(response.status, 303, response.data[:300])
        self.assertTrue(response.getheader("Location").startswith(f"{item_path}?da=tep"))
        page = self.page(editor, response.getheader("Location").split("#")[0])
        self.assertIn("Đã tải tệp lên và đính kèm vào bản sửa", page)
        self.assertIn("ke-hoach-nam.pdf", page)
        _, stored = editor.json("GET", f"/api/v1/items/{item['id']}", expect=200)
        attached = stored["pending_revision"]["attachment_media_ids"]
        self.assertEqual(len(attached), 1)
        upload, headers = multipart({"csrf_token": token}, {"file": ("gia.pdf", b"khong phai pdf", "application/pdf")})
        response = editor.request("POST", f"{item_path}/tep", body=upload, headers=headers, csrf=False)
        self.assertEqual(response.status, 422)
        self.assertIn('id="attachment_file-loi"', response.data.decode())
        self.assertIn('href="#attachment_file"', response.data.decode())
        upload, headers = multipart({}, {"file": ("ke-hoach.pdf", PDF, "application/pdf")})
        self.assertEqual(editor.request("POST", f"{item_path}/tep", body=upload, headers=headers, csrf=False).status,
                         403, "the form's CSRF token is required")
        upload, headers = multipart({"csrf_token": csrf_of(ctv_page)}, {"file": ("ke-hoach.pdf", PDF, "application/pdf")})
        self.assertEqual(ctv.request("POST", f"{item_path}/tep", body=upload, headers=headers, csrf=False).status, 403)
        upload, headers = multipart({"csrf_token": csrf_of(self.page(self.district_editor, "/quan-tri/trang"))},
                                    {"file": ("ke-hoach.pdf", PDF, "application/pdf")})
        self.assertEqual(self.district_editor.request("POST", f"{item_path}/tep", body=upload, headers=headers,
                                                      csrf=False).status, 403)

        # Published: the next anonymous reader sees the correction and can download the new document.
        self.assertNotIn("đã sửa", self.public(item))
        self.assertEqual(ctv.form(f"{item_path}/ban-sua/dang", {"csrf_token": csrf_of(ctv_page),
                                                                "version": stored["version"]}).status, 403)
        self.assertEqual(self.district_editor.form(f"{item_path}/ban-sua/dang", {
            "csrf_token": csrf_of(self.page(self.district_editor, "/quan-tri/trang")),
            "version": stored["version"]}).status, 403)
        self.assertEqual(editor.form(f"{item_path}/ban-sua/dang", {"version": stored["version"]}).status, 403)
        response = editor.form(f"{item_path}/ban-sua/dang", {"csrf_token": token, "version": item["version"]})
        self.assertEqual(response.status, 409)
        self.assertIn("Bản sửa vừa được người khác thay đổi", response.data.decode())
        response = editor.form(f"{item_path}/ban-sua/dang", {"csrf_token": token, "version": stored["version"]})
        self.assertEqual(response.status, 303)
        page = self.page(editor, response.getheader("Location"))
        self.assertIn("Đã đăng bản sửa", page)
        self.assertNotIn("Bài có bản sửa chưa đăng", page)
        public = self.public(item)
        self.assertIn("đã sửa &lt;b&gt;đậm&lt;/b&gt;.", public)
        self.assertIn(f'/media/{attached[0]}/tai-ve', public)
        self.assertNotIn(f'/media/{kept["id"]}/tai-ve', public, "the removed attachment is gone")
        self.assertIn("Hội trường", public)
        download = Client(self.server.port).request("GET", f"/media/{attached[0]}/tai-ve")
        self.assertEqual(download.status, 200)
        self.assertEqual(download.data, PDF)
        self.assertIn("ke-hoach-nam.pdf", download.getheader("Content-Disposition"))

        # A correction dropped from the page leaves the text online alone.
        _, current = editor.json("GET", f"/api/v1/items/{item['id']}", expect=200)
        response = editor.form(item_path, {"csrf_token": token, "version": current["version"], "genre": "tin",
                                           "title": "Tiêu đề sẽ bỏ", "sapo": current["sapo"],
                                           "body_md": current["body_md"]})
        self.assertEqual(response.status, 303)
        _, current = editor.json("GET", f"/api/v1/items/{item['id']}", expect=200)
        self.assertEqual(current["pending_revision"]["gallery_media_ids"], [picture["id"]],
                         "fields the form leaves out keep the pending revision's values")
        response = editor.form(f"{item_path}/ban-sua/bo", {"csrf_token": token, "version": current["version"]})
        self.assertEqual(response.status, 303)
        page = self.page(editor, response.getheader("Location"))
        self.assertIn("Đã bỏ bản sửa", page)
        self.assertIn("Đã bỏ", page)
        self.assertNotIn("Tiêu đề sẽ bỏ", self.public(item))
        self.assertEqual(editor.form(f"{item_path}/ban-sua/bo", {"csrf_token": token}).status, 409)

    def test_sites_and_sections_through_the_forms(self):
        page = self.page(self.admin, "/quan-tri/trang")
        self.assertIn("Tạo trang thông tin", page)
        self.assertIn("Tỉnh ủy Lào Cai", page)
        token = csrf_of(page)
        unit = self.admin.unit_id("083")
        response = self.admin.form("/quan-tri/trang", {"csrf_token": token, "unit_id": unit, "slug": "Bát Xát!",
                                                       "name": "Huyện ủy Mường Khương"})
        self.assertEqual(response.status, 422)
        html = response.data.decode()
        self.assertIn('href="#slug"', html)
        self.assertIn('value="Huyện ủy Mường Khương"', html)
        response = self.admin.form("/quan-tri/trang", {"csrf_token": token, "unit_id": "", "slug": "khong-don-vi",
                                                       "name": "Không đơn vị"})
        self.assertEqual(response.status, 422)
        self.assertIn('href="#unit_id"', response.data.decode())
        response = self.admin.form("/quan-tri/trang", {"csrf_token": token, "unit_id": unit,
                                                       "slug": "huyen-uy-083", "name": "Huyện ủy 083"})
        self.assertEqual(response.status, 303)
        created = self.page(self.admin, response.getheader("Location"))
        self.assertIn("Đã tạo trang thông tin", created)
        self.assertIn("Thông tin tuyên vận", created)
        self.assertEqual(self.editor.form("/quan-tri/trang", {"csrf_token": csrf_of(self.page(self.editor, "/quan-tri")),
                                                              "unit_id": unit, "slug": "khong-duoc",
                                                              "name": "Không được"}).status, 403)

        site = self.province["id"]
        page = self.page(self.editor, f"/quan-tri/trang/{site}")
        self.assertIn("Thêm chuyên mục", page)
        token = csrf_of(page)
        response = self.editor.form(f"/quan-tri/trang/{site}/chuyen-muc", {"csrf_token": token, "name": "  "})
        self.assertEqual(response.status, 422)
        self.assertIn('href="#section_name"', response.data.decode())
        response = self.editor.form(f"/quan-tri/trang/{site}/chuyen-muc", {"csrf_token": token,
                                                                           "name": "Gương người tốt",
                                                                           "parent_id": self.news["id"]})
        self.assertEqual(response.status, 303)
        page = self.page(self.editor, response.getheader("Location").split("#")[0])
        self.assertIn("Đã thêm chuyên mục", page)
        self.assertIn("— Gương người tốt", page)
        response = self.contributor.form(f"/quan-tri/trang/{site}/chuyen-muc",
                                         {"csrf_token": csrf_of(self.page(self.contributor, "/quan-tri")),
                                          "name": "Không được"})
        self.assertEqual(response.status, 403)

    def test_status_tabs_counts_and_pagination(self):
        site = self.district["id"]
        for number in range(33):
            item = self.draft(self.district_contributor, f"Tin ngắn số {number}", site=site,
                              section=self.district_news["id"])
            if number < 2:
                self.district_contributor.json("POST", f"/api/v1/items/{item['id']}/submit", {}, expect=200)
        _, info = self.district_editor.json("GET", f"/api/v1/sites/{site}", expect=200)
        self.assertGreaterEqual(info["counts"]["draft"], 31)
        self.assertEqual(info["counts"]["submitted"], 2)
        page = self.page(self.district_editor, f"/quan-tri/trang/{site}?trang-thai=submitted")
        self.assertIn('aria-current="page">Chờ duyệt <span class="tab-count">2</span>', page)
        self.assertIn("Tin ngắn số 1<", page)
        self.assertNotIn("Tin ngắn số 5<", page)
        first = self.page(self.district_editor, f"/quan-tri/trang/{site}?trang-thai=draft")
        self.assertIn('href="?trang-thai=draft&amp;trang=2"', first)
        second = self.page(self.district_editor, f"/quan-tri/trang/{site}?trang-thai=draft&trang=2")
        self.assertIn("Tin ngắn số 2<", second)
        _, listed = self.district_editor.json("GET", f"/api/v1/sites/{site}/items?status=draft&page=2&per_page=30",
                                              expect=200)
        self.assertEqual(listed["page"], 2)
        self.assertEqual(len(listed["items"]), listed["total"] - 30)

    def test_every_page_renders_for_every_role(self):
        site, other = self.province["id"], self.district["id"]
        mine = self.draft(self.contributor, "Bài để xem trang")
        published = self.approved("Bài đã đăng để xem trang")
        self.editor.json("POST", f"/api/v1/items/{published['id']}/publish", {}, expect=200)
        statuses = ["", "draft", "submitted", "returned", "approved", "scheduled", "published", "withdrawn", "la"]
        expected = {
            "admin": (self.admin, {"site": 200, "other": 200, "mine": 200, "published": 200}),
            "editor": (self.editor, {"site": 200, "other": 403, "mine": 200, "published": 200}),
            "contributor": (self.contributor, {"site": 200, "other": 403, "mine": 200, "published": 200}),
            "contributor2": (self.contributor2, {"site": 200, "other": 403, "mine": 403, "published": 403}),
            "district editor": (self.district_editor, {"site": 403, "other": 200, "mine": 403, "published": 403}),
            "viewer": (self.viewer, {"site": 403, "other": 403, "mine": 403, "published": 403}),
        }
        for who, (client, codes) in expected.items():
            with self.subTest(who=who):
                self.page(client, "/quan-tri/trang")
                for status in statuses:
                    self.page(client, f"/quan-tri/trang/{site}?trang-thai={status}&trang=1", expect=codes["site"])
                    self.page(client, f"/quan-tri/trang/{other}?trang-thai={status}&trang=9", expect=codes["other"])
                self.page(client, f"/quan-tri/trang/{site}/bai-viet/moi", expect=codes["site"])
                self.page(client, f"/quan-tri/trang/{other}/bai-viet/moi", expect=codes["other"])
                self.page(client, f"/quan-tri/bai-viet/{mine['id']}", expect=codes["mine"])
                self.page(client, f"/quan-tri/bai-viet/{published['id']}", expect=codes["published"])
                self.page(client, "/quan-tri/trang/99999", expect=404)
                self.page(client, "/quan-tri/bai-viet/99999", expect=404)
        anonymous = Client(self.server.port).request("GET", f"/quan-tri/trang/{site}")
        self.assertEqual(anonymous.status, 303)
        self.assertTrue(anonymous.getheader("Location").startswith("/dang-nhap"))
        self.assertEqual(Client(self.server.port).request("GET", "/api/v1/sites").status, 401)

    def test_openapi_lists_the_newsroom(self):
        document = json.loads(Client(self.server.port).request("GET", "/api/v1/openapi.json").data)
        paths = document["paths"]
        for path, methods in {
            "/api/v1/sites": ("get", "post"),
            "/api/v1/sites/{id}": ("get",),
            "/api/v1/sites/{id}/sections": ("get", "post"),
            "/api/v1/sites/{id}/items": ("get", "post"),
            "/api/v1/items/{id}": ("get", "patch"),
            "/api/v1/items/{id}/submit": ("post",),
            "/api/v1/items/{id}/return": ("post",),
            "/api/v1/items/{id}/approve": ("post",),
            "/api/v1/items/{id}/publish": ("post",),
            "/api/v1/items/{id}/withdraw": ("post",),
            "/api/v1/items/{id}/revision/publish": ("post",),
            "/api/v1/items/{id}/revision/discard": ("post",),
            "/api/v1/items/{id}/revisions": ("get",),
            "/api/v1/items/{id}/revisions/{number}/diff": ("get",),
        }.items():
            for method in methods:
                with self.subTest(path=path, method=method):
                    operation = paths[path][method]
                    self.assertNotEqual(operation["summary"], path, "every route has a Vietnamese summary")
                    self.assertRegex(operation["summary"], r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")


if __name__ == "__main__":
    unittest.main()
