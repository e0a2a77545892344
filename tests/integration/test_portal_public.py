"""The public sites end to end: pages, the page cache, counters, ratings, search, feeds and
hostile input, against the real binary on SQLite or PostgreSQL."""
import concurrent.futures
import datetime
import http.client
import os
import struct
import uuid
import zlib
import re
import subprocess
import tempfile
import time
import unittest
import json
import urllib.parse

from harness import ENGINE, SOURCE, Client, Server, Store

# The province site's board: publishes, withdraws and keeps the site's settings.
EDITOR = ("bbt", "banbientap-laocai-2026")
CONTRIBUTOR = ("ctv.tinh", "congtac-laocai-2026")
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) tuyenvan-tests"

XSS = [
    '<script>alert("x")</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "<iframe src=//evil.example>",
    "';alert(String.fromCharCode(88))//",
]


def png(width=64, height=48):
    """A real PNG made here: a red-to-blue gradient."""
    raw = b"".join(b"\x00" + b"".join(bytes((x * 4 % 256, 60, y * 5 % 256)) for x in range(width))
                   for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def multipart(fields, files):
    boundary = "tuyenvan" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
                     + value.encode() + b"\r\n")
    for name, (file_name, data, content_type) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{file_name}"\r\n'
                     f"Content-Type: {content_type}\r\n\r\n".encode() + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), {
        "Content-Type": f"multipart/form-data; boundary={boundary}"}


def wait_for(predicate, timeout=12.0, step=0.25):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


class PortalServer(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.store = Store()
        cls.store.cli("demo", "--items", "80", "--pictures", "2", "--scale", "district")
        cls.server = Server(cls.store, ["--page-cache-ms", "1000"])
        cls.editor = cls.signed(EDITOR)
        status, sites = cls.editor.json("GET", "/api/v1/sites", expect=200)
        cls.site = next(site for site in sites["items"] if site["slug"] == "tinh-lao-cai")
        status, sections = cls.editor.json("GET", f"/api/v1/sites/{cls.site['id']}/sections", expect=200)
        cls.sections = {section["slug"]: section["id"] for section in sections["items"]}

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.store.drop()

    @classmethod
    def signed(cls, who):
        client = Client(cls.server.port)
        client.sign_in(*who)
        return client

    def anonymous(self):
        return Client(self.server.port)

    def get(self, path, headers=None, client=None):
        headers = dict(headers or {})
        headers.setdefault("User-Agent", BROWSER)
        return (client or self.anonymous()).request("GET", path, headers=headers)

    def publish(self, title, sapo="Tin thử nghiệm.", body="Nội dung bài viết.", section="thong-tin-tuyen-van",
                tags=None, pen_name="Phóng viên", featured_caption=""):
        contributor = self.signed(CONTRIBUTOR)
        status, item = contributor.json("POST", f"/api/v1/sites/{self.site['id']}/items", {
            "section_id": self.sections[section], "genre": "tin", "title": title, "sapo": sapo, "body_md": body,
            "pen_name": pen_name, "tags": tags or [], "featured_caption": featured_caption}, expect=201)
        item_id = item["id"]
        contributor.json("POST", f"/api/v1/items/{item_id}/submit", {}, expect=200)
        self.editor.json("POST", f"/api/v1/items/{item_id}/approve", {}, expect=200)
        self.editor.json("POST", f"/api/v1/items/{item_id}/publish", {}, expect=200)
        status, item = self.editor.json("GET", f"/api/v1/items/{item_id}", expect=200)
        return item


class PublicPages(PortalServer):
    def test_home_sections_items_print_tags_archive_documents(self):
        home = self.get("/")
        self.assertEqual(home.status, 200)
        page = home.data.decode()
        self.assertIn("Trang thông tin điện tử Tỉnh ủy Lào Cai", page)
        self.assertIn('lang="vi"', page)
        for label in ("Hôm nay", "Tháng ", "Năm ", "Đang trực tuyến", "Thông tin tuyên vận"):
            self.assertIn(label, page)
        item_path = re.search(r'href="(/bai-viet/[a-z0-9-]+-\d+)"', page).group(1)
        item = self.get(item_path)
        self.assertEqual(item.status, 200)
        text = item.data.decode()
        self.assertIn("Tổng số điểm của bài viết là:", text)
        self.assertIn("Click để đánh giá bài viết", text)
        self.assertIn('property="og:title"', text)
        self.assertIn('rel="canonical"', text)
        self.assertIn("facebook.com/sharer", text)
        self.assertIn("x.com/intent/post", text)
        self.assertLess(len(item.data), 100 * 1024, "item page must stay under 100 KB before images")
        self.assertEqual(self.get(item_path + "/in").status, 200)
        # A wrong slug with the right id is sent to the canonical address.
        wrong = self.get(re.sub(r"/bai-viet/[a-z0-9-]+-(\d+)$", r"/bai-viet/sai-duong-dan-\1", item_path))
        self.assertEqual(wrong.status, 301)
        self.assertEqual(wrong.getheader("Location"), item_path)
        section = self.get("/chuyen-muc/thong-tin-tuyen-van")
        self.assertEqual(section.status, 200)
        self.assertIn("<h1>Thông tin tuyên vận</h1>", section.data.decode())
        tag = re.search(r'href="(/the/[a-z0-9-]+)"', text)
        if tag:
            self.assertEqual(self.get(tag.group(1)).status, 200)
        year, month = time.strftime("%Y/%m", time.gmtime(time.time() + 7 * 3600)).split("/")
        archive = self.get(f"/luu-tru/{year}/{month}")
        self.assertEqual(archive.status, 200)
        self.assertIn(f"Lưu trữ tháng {month}/{year}", archive.data.decode())
        self.assertEqual(self.get("/van-ban").status, 200)
        district = self.get("/huyen-bat-xat/")
        self.assertEqual(district.status, 200)
        self.assertIn("Huyện ủy Bát Xát", district.data.decode())

    def test_missing_pages_are_vietnamese_404s(self):
        for path in ("/bai-viet/khong-co-999999", "/chuyen-muc/khong-co", "/the/khong-co-the-nay",
                     "/luu-tru/2026/13", "/khong-co-trang-nay/", "/chuyen-muc/thoi-su?trang=9999"):
            response = self.get(path)
            self.assertEqual(response.status, 404, path)
            self.assertIn("Không tìm thấy", response.data.decode(), path)

    def test_pages_work_on_a_site_prefix_and_media_is_served(self):
        page = self.get("/tinh-lao-cai/").data.decode()
        picture = re.search(r'src="(/media/\d+/640\.jpg)"', page)
        self.assertIsNotNone(picture)
        image = self.get(picture.group(1))
        self.assertEqual(image.status, 200)
        self.assertEqual(image.getheader("Content-Type"), "image/jpeg")
        self.assertTrue(image.data.startswith(b"\xff\xd8"))
        self.assertIn("immutable", image.getheader("Cache-Control"))
        webp = self.get(picture.group(1).replace(".jpg", ".webp"))
        self.assertEqual(webp.getheader("Content-Type"), "image/webp")
        self.assertEqual(webp.data[8:12], b"WEBP")


class PageCache(PortalServer):
    def test_cached_pages_are_compressed_and_revalidated(self):
        first = self.get("/", {"Accept-Encoding": "gzip, br"})
        self.assertEqual(first.getheader("Content-Encoding"), "br")
        etag = first.getheader("ETag")
        self.assertTrue(etag)
        self.assertEqual(self.get("/", {"If-None-Match": etag}).status, 304)
        gzip = self.get("/", {"Accept-Encoding": "gzip"})
        self.assertEqual(gzip.getheader("Content-Encoding"), "gzip")
        self.assertIn("Accept-Encoding", gzip.getheader("Vary"))

    def test_signed_in_reader_never_gets_or_leaves_a_cached_page(self):
        self.get("/chuyen-muc/thoi-su")
        signed = self.get("/chuyen-muc/thoi-su", client=self.editor).data.decode()
        self.assertIn("Trang làm việc", signed)
        anonymous = self.get("/chuyen-muc/thoi-su").data.decode()
        self.assertNotIn("Trang làm việc", anonymous)
        self.assertIn("Đăng nhập", anonymous)

    def test_publish_shows_at_once_and_withdraw_removes_at_once(self):
        before = self.get("/").data.decode()
        title = "Hội nghị tuyên vận thôn Lao Chải tháng mười một"
        self.assertNotIn(title, before)
        item = self.publish(title)
        home = self.get("/").data.decode()
        self.assertIn(title, home)
        section = self.get("/chuyen-muc/thong-tin-tuyen-van").data.decode()
        self.assertIn(title, section)
        path = f"/bai-viet/{item['slug']}-{item['id']}"
        self.assertEqual(self.get(path).status, 200)
        self.editor.json("POST", f"/api/v1/items/{item['id']}/withdraw", {"comment": "Gỡ để sửa"}, expect=200)
        self.assertNotIn(title, self.get("/").data.decode())
        self.assertEqual(self.get(path).status, 404)


class Counters(PortalServer):
    def test_views_and_visitors_are_exact_under_concurrency_and_survive_a_restart(self):
        item = self.publish("Bài kiểm tra bộ đếm lượt xem")
        path = f"/bai-viet/{item['slug']}-{item['id']}"

        def view(i):
            return self.get(path, {"User-Agent": f"{BROWSER} reader-{i % 7}"}).status

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(view, range(200)))
        self.assertEqual(statuses, [200] * 200)
        # Counted in memory, written every 2 s; a cached page is re-rendered 1 s after it was made.
        time.sleep(6)
        self.assertIn("200 lượt xem", self.get(path).data.decode())
        # Bots are not counted.
        for _ in range(20):
            self.get(path, {"User-Agent": "Googlebot/2.1"})
        time.sleep(4)
        self.assertIn("201 lượt xem", self.get(path).data.decode())
        page = self.get("/").data.decode()
        today = int(re.search(r"Hôm nay</dt><dd>([\d.]+)<", page).group(1).replace(".", ""))
        self.assertGreaterEqual(today, 7)
        # A clean stop writes what is pending; a new server shows the same figure.
        for _ in range(5):
            self.get(path)
        self.server.stop()
        type(self).server = Server(self.store, ["--page-cache-ms", "1000"])
        self.editor.port = self.server.port
        self.assertIn("207 lượt xem", self.get(path).data.decode())

    def test_ratings_change_not_add_and_refuse_bad_input(self):
        item = self.publish("Bài kiểm tra đánh giá")
        path = f"/bai-viet/{item['slug']}-{item['id']}"
        reader = self.anonymous()
        headers = {"User-Agent": BROWSER, "Content-Type": "application/x-www-form-urlencoded"}
        first = reader.request("POST", path + "/danh-gia", body="diem=4", headers=headers)
        self.assertEqual(first.status, 303)
        self.assertIn("tv_reader", reader.cookies)
        thanks = self.get(first.getheader("Location").split("#")[0], client=reader).data.decode()
        self.assertIn("Cảm ơn bạn đã đánh giá", thanks)
        self.assertIn("Tổng số điểm của bài viết là: <strong>4</strong> trong <strong>1</strong> đánh giá", thanks)
        again = reader.request("POST", path + "/danh-gia", body="diem=2", headers=headers)
        self.assertEqual(again.status, 303)
        page = self.get(path).data.decode()
        self.assertIn("<strong>2</strong> trong <strong>1</strong> đánh giá", page)
        bad = reader.request("POST", path + "/danh-gia", body="diem=9", headers=headers)
        self.assertEqual(bad.status, 422)
        self.assertIn("Điểm đánh giá phải từ 1 đến 5", bad.data.decode())
        foreign = reader.request("POST", path + "/danh-gia", body="diem=5",
                                 headers={**headers, "Origin": "http://evil.example"})
        self.assertEqual(foreign.status, 403)
        bot = reader.request("POST", path + "/danh-gia", body="diem=5",
                             headers={**headers, "User-Agent": "python-requests/2.31"})
        self.assertEqual(bot.status, 403)
        self.assertIn("<strong>2</strong> trong <strong>1</strong> đánh giá", self.get(path).data.decode())


class SearchAndFeeds(PortalServer):
    def test_search_folds_diacritics_ranks_exact_words_and_highlights(self):
        self.publish("Sổ nhật ký tuyên vận của thôn Phìn Ngan", body="Ghi chép công tác tuyên vận hằng tháng.")
        self.publish("Đảng bộ xã Y Tý học tập nghị quyết", body="Chi bộ thôn học tập nghị quyết mới.")
        self.publish("Tuyển văn thư cho văn phòng xã", body="Thông báo tuyển văn thư hợp đồng.")
        page = self.get("/tim-kiem?q=" + urllib.parse.quote("so nhat ky tuyen van")).data.decode()
        self.assertIn("Sổ nhật ký tuyên vận của thôn Phìn Ngan", re.sub(r"</?mark>", "", page))
        self.assertIn("<mark>", page)
        page = self.get("/tim-kiem?q=" + urllib.parse.quote("dang bo")).data.decode()
        self.assertIn("Y Tý học tập nghị quyết", re.sub(r"</?mark>", "", page))
        page = re.sub(r"</?mark>", "", self.get("/tim-kiem?q=" + urllib.parse.quote("tuyên vận")).data.decode())
        first = page.find("Sổ nhật ký tuyên vận của thôn Phìn Ngan")
        other = page.find("Tuyển văn thư cho văn phòng xã")
        self.assertNotEqual(first, -1)
        self.assertTrue(other == -1 or first < other)
        bad = self.get("/tim-kiem?q=abc&tu=2026-02-31")
        self.assertEqual(bad.status, 400)
        self.assertIn("Ngày bắt đầu không hợp lệ", bad.data.decode())

    def test_feeds_and_sitemaps_are_valid(self):
        self.publish("Tin mới cho sơ đồ trang tin tức")
        for path, schema in (("/rss.xml", "rss2.xsd"), ("/chuyen-muc/thong-tin-tuyen-van/rss.xml", "rss2.xsd"),
                             ("/sitemap.xml", "sitemap.xsd"), ("/sitemap-tin-tuc.xml", "news-sitemap.xsd"),
                             ("/huyen-bat-xat/rss.xml", "rss2.xsd")):
            response = self.get(path)
            self.assertEqual(response.status, 200, path)
            with tempfile.NamedTemporaryFile(suffix=".xml", delete=False) as out:
                out.write(response.data)
            try:
                result = subprocess.run([os.path.join(SOURCE, "tests/schemas/validate.sh"), out.name, schema],
                                        capture_output=True, text=True, timeout=60)
                self.assertEqual(result.returncode, 0, f"{path}: {result.stdout}{result.stderr}")
            finally:
                os.unlink(out.name)
        self.assertIn("Tin mới cho sơ đồ trang tin tức", self.get("/sitemap-tin-tuc.xml").data.decode())


class Scheduled(PortalServer):
    def schedule(self, title, seconds):
        contributor = self.signed(CONTRIBUTOR)
        status, item = contributor.json("POST", f"/api/v1/sites/{self.site['id']}/items", {
            "section_id": self.sections["thong-tin-tuyen-van"], "genre": "tin", "title": title, "sapo": "Hẹn giờ.",
            "body_md": "Nội dung.", "pen_name": "P.V"}, expect=201)
        contributor.json("POST", f"/api/v1/items/{item['id']}/submit", {}, expect=200)
        self.editor.json("POST", f"/api/v1/items/{item['id']}/approve", {}, expect=200)
        at = int(time.time() * 1000) + seconds * 1000
        self.editor.json("POST", f"/api/v1/items/{item['id']}/publish", {"publish_at": at}, expect=200)
        return item

    def test_scheduled_items_go_out_on_time_without_traffic_and_across_a_restart(self):
        first = self.schedule("Bài hẹn giờ đăng sau ba giây", 3)
        self.assertNotIn("Bài hẹn giờ đăng sau ba giây", self.get("/").data.decode())
        time.sleep(5)  # no request meanwhile: the timer alone publishes it
        status, item = self.editor.json("GET", f"/api/v1/items/{first['id']}", expect=200)
        self.assertEqual(item["status"], "published")
        self.assertIn("Bài hẹn giờ đăng sau ba giây", self.get("/").data.decode())
        # Scheduled, then the server stops before the time comes: the next start publishes it at once.
        second = self.schedule("Bài hẹn giờ qua một lần khởi động lại", 2)
        self.server.stop()
        time.sleep(3)
        type(self).server = Server(self.store, ["--page-cache-ms", "1000"])
        self.editor.port = self.server.port
        found = wait_for(lambda: "Bài hẹn giờ qua một lần khởi động lại" in self.get("/").data.decode(), timeout=5)
        self.assertTrue(found)
        status, item = self.editor.json("GET", f"/api/v1/items/{second['id']}", expect=200)
        self.assertEqual(item["status"], "published")
        self.assertLessEqual(item["published_at"], int(time.time() * 1000))


class Uploads(PortalServer):
    def upload(self, client, file_name, data, alt="Toàn cảnh hội nghị tuyên vận", content_type="image/png"):
        body, headers = multipart({"alt": alt} if alt is not None else {}, {"file": (file_name, data, content_type)})
        response = client.request("POST", f"/api/v1/sites/{self.site['id']}/images", body=body, headers=headers)
        return response.status, (json.loads(response.data) if response.data.startswith(b"{") else None)

    def test_pictures_are_checked_re_encoded_and_refused_with_clear_messages(self):
        contributor = self.signed(CONTRIBUTOR)
        status, picture = self.upload(contributor, "hoi-nghi.png", png())
        self.assertEqual(status, 201, picture)
        self.assertTrue(picture["url"].startswith(f"/media/{picture['id']}/"))
        self.assertEqual(picture["alt"], "Toàn cảnh hội nghị tuyên vận")
        served = self.get(f"/media/{picture['id']}/640.webp")
        self.assertEqual(served.status, 200)
        self.assertEqual(served.data[8:12], b"WEBP")
        # The real type decides, not the name; broken and unnamed pictures are refused and nothing is stored.
        cases = [
            ("anh.jpg", b"day khong phai la anh", "Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF"),
            ("cat-ngang.png", png()[:60], "hỏng hoặc không đầy đủ"),
        ]
        for name, data, message in cases:
            status, body = self.upload(contributor, name, data)
            self.assertEqual(status, 422, name)
            self.assertIn(message, body["error"]["message"], name)
        status, body = self.upload(contributor, "khong-mo-ta.png", png(), alt="")
        self.assertEqual(status, 422)
        self.assertIn("alt", body["error"]["fields"])
        # A body over the limit is refused from its announced length, before it is read.
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        connection.putrequest("POST", f"/api/v1/sites/{self.site['id']}/images")
        connection.putheader("Content-Type", "multipart/form-data; boundary=x")
        connection.putheader("Content-Length", str(22 * 1024 * 1024))
        connection.putheader("Cookie", "; ".join(f"{k}={v}" for k, v in contributor.cookies.items()))
        connection.putheader("X-CSRF-Token", contributor.csrf)
        connection.endheaders()
        response = connection.getresponse()
        self.assertEqual(response.status, 413)
        self.assertIn("quá lớn", response.read().decode())
        connection.close()
        # A reader who is not on the site's board cannot upload.
        anonymous = self.anonymous()
        body, headers = multipart({"alt": "x"}, {"file": ("a.png", png(), "image/png")})
        self.assertEqual(anonymous.request("POST", f"/api/v1/sites/{self.site['id']}/images", body=body,
                                           headers=headers).status, 401)


class SharedItems(PortalServer):
    def test_an_item_sent_to_the_province_column_shows_on_both_sites_and_counts_per_site(self):
        district_editor = self.signed(("bbt.batxat", "banbientap-batxat-2026"))
        status, sites = district_editor.json("GET", "/api/v1/sites", expect=200)
        district = next(site for site in sites["items"] if site["slug"] == "huyen-bat-xat")
        status, sections = district_editor.json("GET", f"/api/v1/sites/{district['id']}/sections", expect=200)
        outreach = next(section["id"] for section in sections["items"] if section["slug"] == "thong-tin-tuyen-van")
        title = "Bát Xát gửi bài sang chuyên mục Thông tin tuyên vận của tỉnh"
        status, item = district_editor.json("POST", f"/api/v1/sites/{district['id']}/items", {
            "section_id": outreach, "genre": "tin", "title": title, "sapo": "Bài dùng chung.", "body_md": "Nội dung.",
            "extra_section_ids": [self.sections["thong-tin-tuyen-van"]]}, expect=201)
        district_editor.json("POST", f"/api/v1/items/{item['id']}/submit", {}, expect=200)
        district_editor.json("POST", f"/api/v1/items/{item['id']}/approve", {}, expect=200)
        district_editor.json("POST", f"/api/v1/items/{item['id']}/publish", {}, expect=200)
        status, item = district_editor.json("GET", f"/api/v1/items/{item['id']}", expect=200)
        province_column = self.get("/chuyen-muc/thong-tin-tuyen-van").data.decode()
        self.assertIn(title, province_column)
        self.assertIn(title, self.get("/huyen-bat-xat/chuyen-muc/thong-tin-tuyen-van").data.decode())
        on_province = self.get(f"/bai-viet/{item['slug']}-{item['id']}")
        self.assertEqual(on_province.status, 200)
        canonical = re.search(r'rel="canonical" href="([^"]+)"', on_province.data.decode()).group(1)
        self.assertTrue(canonical.endswith(f"/huyen-bat-xat/bai-viet/{item['slug']}-{item['id']}"), canonical)
        for _ in range(3):
            self.get(f"/bai-viet/{item['slug']}-{item['id']}")
        self.get(f"/huyen-bat-xat/bai-viet/{item['slug']}-{item['id']}")
        time.sleep(4)
        self.assertIn("4 lượt xem", self.get(f"/bai-viet/{item['slug']}-{item['id']}").data.decode())
        self.assertIn("1 lượt xem", self.get(f"/huyen-bat-xat/bai-viet/{item['slug']}-{item['id']}").data.decode())
        # Readers of the province's site find it by searching, in the whole site and in the column.
        query = urllib.parse.quote("bat xat gui bai sang chuyen muc")
        for path in (f"/tim-kiem?q={query}", f"/tim-kiem?q={query}&chuyen-muc=thong-tin-tuyen-van"):
            page = re.sub(r"</?mark>", "", self.get(path).data.decode())
            self.assertIn(title, page, path)
            self.assertIn(f"/huyen-bat-xat/bai-viet/{item['slug']}-{item['id']}", page, path)
        elsewhere = self.get(f"/huyen-bao-thang/tim-kiem?q={query}")
        self.assertEqual(elsewhere.status, 200)
        self.assertNotIn(title, re.sub(r"</?mark>", "", elsewhere.data.decode()), "not on a site it was not sent to")


class ColumnStatistics(PortalServer):
    def test_the_board_sees_the_month_s_items_and_views_per_unit_with_a_reward_proposal(self):
        month = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).strftime("%Y-%m")
        status, before = self.editor.json("GET", f"/api/v1/portal/statistics?month={month}", expect=200)
        self.assertEqual([site["name"] for site in before["sites"]], [self.site["name"]],
                         "the province's board sees its own site")
        item = self.publish("Thống kê: tin mới của chuyên mục tuyên vận", pen_name="Bút danh Thống Kê")
        for _ in range(3):
            self.get(f"/bai-viet/{item['slug']}-{item['id']}")
        time.sleep(3)  # counters are written every 2 s
        status, after = self.editor.json("GET", f"/api/v1/portal/statistics?month={month}", expect=200)
        self.assertEqual(after["items"], before["items"] + 1)
        self.assertGreaterEqual(after["views"], before["views"] + 3)
        self.assertTrue(any("Bút danh Thống Kê" in author["detail"] for author in after["authors"]))
        self.assertEqual(after["reward"]["min_items"], 3)
        for unit in after["reward"]["by_items"]:
            self.assertGreaterEqual(unit["items"], 3)

        page = self.get(f"/quan-tri/trang/thong-ke?thang={month}", client=self.editor).data.decode()
        self.assertIn("Thống kê chuyên mục “Thông tin tuyên vận” tháng", page)
        self.assertIn("Đề xuất khen thưởng", page)
        self.assertIn("Bút danh Thống Kê", page)
        csv = self.get(f"/quan-tri/trang/thong-ke.csv?thang={month}", client=self.editor)
        self.assertEqual(csv.status, 200)
        self.assertTrue(csv.getheader("Content-Type").startswith("text/csv"))
        lines = csv.data.decode("utf-8-sig").splitlines()
        self.assertEqual(lines[0].split(",")[:4], ["Nhóm", "Tên", "Bút danh", "Tin"])
        self.assertTrue(any(line.startswith("Tác giả,") and "Bút danh Thống Kê" in line for line in lines))

        # Contributors do not see it; a month that does not exist is refused with a reason.
        contributor = self.signed(CONTRIBUTOR)
        self.assertEqual(contributor.json("GET", f"/api/v1/portal/statistics?month={month}")[0], 403)
        status, body = self.editor.json("GET", "/api/v1/portal/statistics?month=2026-13")
        self.assertEqual(status, 422)
        self.assertIn("Tháng không hợp lệ", body["error"]["message"])
        self.assertEqual(self.get("/quan-tri/trang/thong-ke?thang=abc", client=self.editor).status, 422)


class SiteSettings(PortalServer):
    def test_an_editor_names_the_site_gives_it_a_host_and_a_logo(self):
        body, headers = multipart({"alt": "Logo Tỉnh ủy"}, {"file": ("logo.png", png(32, 32), "image/png")})
        logo = json.loads(self.editor.request("POST", f"/api/v1/sites/{self.site['id']}/images", body=body,
                                              headers=headers).data)
        status, site = self.editor.json("GET", f"/api/v1/sites/{self.site['id']}", expect=200)
        status, updated = self.editor.json("PATCH", f"/api/v1/sites/{self.site['id']}", {
            "name": "Cổng thông tin Tỉnh ủy Lào Cai", "tagline": "Thông tin tuyên vận", "host": "TinhUy.Example",
            "logo_media_id": logo["id"], "version": site["version"]}, expect=200)
        self.assertEqual(updated["host"], "tinhuy.example")
        # The next anonymous page shows the change, and the site answers on its own host at the root.
        home = self.get("/tinh-lao-cai/").data.decode()
        self.assertIn("Cổng thông tin Tỉnh ủy Lào Cai", home)
        self.assertIn(f'src="/media/{logo["id"]}/320.jpg"', home)
        by_host = self.get("/", {"Host": "tinhuy.example"}).data.decode()
        self.assertIn("Cổng thông tin Tỉnh ủy Lào Cai", by_host)
        district_by_path = self.get("/huyen-bat-xat/", {"Host": "tinhuy.example"}).data.decode()
        self.assertIn("Huyện ủy Bát Xát", district_by_path)
        # A stale version, a bad host and another site's editor are refused; nothing changes.
        stale = self.editor.request("PATCH", f"/api/v1/sites/{self.site['id']}",
                                    json_body={"name": "Tên cũ", "version": site["version"]})
        self.assertEqual(stale.status, 409)
        bad = self.editor.request("PATCH", f"/api/v1/sites/{self.site['id']}",
                                  json_body={"host": "không hợp lệ", "version": updated["version"]})
        self.assertEqual(bad.status, 422)
        district_editor = self.signed(("bbt.batxat", "banbientap-batxat-2026"))
        foreign = district_editor.request("PATCH", f"/api/v1/sites/{self.site['id']}",
                                          json_body={"name": "Chiếm trang", "version": updated["version"]})
        self.assertIn(foreign.status, (403, 404))
        # The same through the newsroom's form, with its CSRF token.
        page = self.editor.request("GET", f"/quan-tri/trang/{self.site['id']}").data.decode()
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        version = re.search(r'name="version" value="(\d+)"', page).group(1)
        saved = self.editor.form(f"/quan-tri/trang/{self.site['id']}/thong-tin", {
            "csrf_token": token, "version": version, "name": "Trang thông tin điện tử Tỉnh ủy Lào Cai",
            "tagline": "", "host": "", "logo_media_id": ""})
        self.assertEqual(saved.status, 303)
        home = self.get("/").data.decode()
        self.assertIn("Trang thông tin điện tử Tỉnh ủy Lào Cai", home)
        self.assertNotIn("/320.jpg\" alt=\"\" width=\"48\"", home)


class HostileInput(PortalServer):
    def test_script_in_comments_and_file_names_comes_out_inert(self):
        contributor = self.signed(CONTRIBUTOR)
        status, item = contributor.json("POST", f"/api/v1/sites/{self.site['id']}/items", {
            "section_id": self.sections["thong-tin-tuyen-van"], "genre": "tin", "title": "Bài có góp ý",
            "body_md": "Nội dung."}, expect=201)
        contributor.json("POST", f"/api/v1/items/{item['id']}/submit", {}, expect=200)
        for payload in XSS:
            self.editor.json("POST", f"/api/v1/items/{item['id']}/return", {"comment": "Sửa lại " + payload},
                             expect=200)
            contributor.json("POST", f"/api/v1/items/{item['id']}/submit", {}, expect=200)
        page = self.editor.request("GET", f"/quan-tri/bai-viet/{item['id']}").data.decode()
        self.assertIn("Sửa lại", page)
        body, headers = multipart({"alt": XSS[0]}, {"file": (XSS[1] + ".png", png(), "image/png")})
        uploaded = contributor.request("POST", f"/api/v1/sites/{self.site['id']}/images", body=body, headers=headers)
        self.assertEqual(uploaded.status, 201)
        self.assertTrue(uploaded.getheader("Content-Type").startswith("application/json"))
        self.assertEqual(uploaded.getheader("X-Content-Type-Options"), "nosniff")
        picture = json.loads(uploaded.data)
        # The picture's alternative text and caption on a public page.
        status, featured = contributor.json("POST", f"/api/v1/sites/{self.site['id']}/items", {
            "section_id": self.sections["thong-tin-tuyen-van"], "genre": "anh", "title": "Ảnh có mô tả lạ",
            "body_md": "Ảnh.", "featured_media_id": picture["id"], "featured_caption": XSS[2]}, expect=201)
        contributor.json("POST", f"/api/v1/items/{featured['id']}/submit", {}, expect=200)
        self.editor.json("POST", f"/api/v1/items/{featured['id']}/approve", {}, expect=200)
        self.editor.json("POST", f"/api/v1/items/{featured['id']}/publish", {}, expect=200)
        status, featured = self.editor.json("GET", f"/api/v1/items/{featured['id']}", expect=200)
        public = self.get(f"/bai-viet/{featured['slug']}-{featured['id']}").data.decode()
        self.assertIn(f"/media/{picture['id']}/", public)
        for text in (page, public):
            for danger in ("<script>alert", "<img src=x onerror", "<svg onload", "<iframe src=//evil"):
                self.assertNotIn(danger, text)

    def test_script_in_every_field_comes_out_inert(self):
        for payload in XSS:
            item = self.publish(
                "Tiêu đề " + payload, sapo="Sapo " + payload, body=f"Đoạn văn {payload}\n\n<b>{payload}</b>\n\n"
                f"[liên kết]({payload})", tags=["Thẻ " + payload[:40]], pen_name="Bút danh " + payload[:60],
                featured_caption="Chú thích " + payload)
            pages = [f"/bai-viet/{item['slug']}-{item['id']}", "/", "/chuyen-muc/thong-tin-tuyen-van",
                     "/tim-kiem?q=" + urllib.parse.quote(payload), "/rss.xml"]
            for path in pages:
                text = self.get(path).data.decode()
                for danger in ("<script>alert", "<img src=x onerror", "<svg onload", "<iframe src=//evil",
                               'href="javascript:'):
                    self.assertNotIn(danger, text, f"{path} reflects {danger}")


if __name__ == "__main__":
    unittest.main()
