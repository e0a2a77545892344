// The flow people use, end to end in Chromium against a real `tuyenvan serve` on demo data: a
// contributor writes a draft in the WYSIWYG editor (heading, bold, an uploaded image with its
// alternative text) and sends it for approval; the district's editor approves and publishes it; an
// anonymous reader finds it by a search without diacritics, reads it, rates it and enlarges the
// text; a reader without JavaScript reads and rates it through the plain form. No public page may
// log a console error, throw, break the CSP or fail to load an asset.
//
//   TUYENVAN_BIN  server binary (default ../../build/release/tuyenvan from this file)
//   CHROMIUM      browser binary (default /usr/bin/chromium)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { DemoServer, LaunchChromium, SignIn } from './server.mjs';

const kStartupMs = 30_000;
const kStepMs = 10_000;
const kTestMs = 90_000;
const kDesktop = { width: 1280, height: 800 };
const kPhone = { width: 360, height: 740 };

const kContributor = { login: 'congtacvien', password: 'congtac-batxat-2026' };
const kEditor = { login: 'bientap.batxat', password: 'bientap-batxat-2026' };
const kBoard = { login: 'bbt.batxat', password: 'banbientap-batxat-2026' };
const kSiteName = 'Trang thông tin điện tử Huyện ủy Bát Xát';
const kSitePath = '/huyen-bat-xat';

const kTitle = 'Sổ nhật ký tuyên vận thôn Ngải Thầu được ghi chép đều đặn';
const kSapo = 'Chi bộ thôn Ngải Thầu, xã Y Tý duy trì sổ nhật ký tuyên vận, ghi lại ý kiến của đồng bào sau mỗi buổi sinh hoạt.';
const kHeading = 'Ghi chép sau mỗi buổi sinh hoạt';
const kBold = 'đều đặn';
const kAlt = 'Cán bộ thôn Ngải Thầu ghi sổ nhật ký tuyên vận';
const kQuery = 'so nhat ky tuyen van ngai thau';

const server = new DemoServer();
let base_url;
let browser;

// What the steps hand on to each other.
const flow = { item_id: null, public_path: null };

// ------------------------------------------------------------------------------------------------
// Server and browser

/// Runs `body(page, context)` in a fresh browser context (no cookies) and then checks what the
/// pages reported: console errors (CSP violations among them), uncaught script errors, CSP
/// violation events, server errors and broken assets. A failure caused by the server dying
/// carries the server's last output.
async function InContext(options, body) {
  const context = await browser.newContext({ viewport: kDesktop, locale: 'vi-VN', baseURL: base_url, ...options });
  context.setDefaultTimeout(kStepMs);
  context.setDefaultNavigationTimeout(kStepMs);
  const problems = [];
  const where = (page) => { try { return new URL(page.url()).pathname; } catch { return page.url(); } };
  context.on('page', (page) => {
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error on ${where(page)}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`script error on ${where(page)}: ${e.message}`));
    page.on('response', (r) => {
      const req = r.request();
      const url = new URL(r.url());
      if (r.status() >= 500) problems.push(`${r.status()} ${req.method()} ${url.pathname}${url.search}`);
      else if (r.status() >= 400 && req.resourceType() !== 'document') problems.push(`${r.status()} for asset ${url.pathname}`);
    });
  });
  // Every document of the context reports its CSP violation events here. The init script runs
  // before the pages' own scripts and is not subject to their CSP; without JavaScript it does not
  // run, and the browser's console error is the witness.
  await context.exposeFunction('__tv_report_csp', (at, what) => problems.push(`CSP on ${at}: ${what}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__tv_report_csp(location.pathname,
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    }, true);
  });
  const page = await context.newPage();
  try {
    await body(page, context);
    assert.deepEqual(problems, [], 'console errors, script errors, CSP violations, server errors or broken assets');
  } catch (e) {
    server.explain(e);
    throw e;
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------------------------------------
// Fixtures and page helpers

/// A valid PNG of `width`×`height` pixels (a red and white stripe pattern), built here so the test
/// needs no binary fixture.
function Png(width, height) {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);  // 8-bit RGB
  const rows = [];
  for (let y = 0; y < height; y++) {
    const colour = Math.floor(y / 8) % 2 ? [255, 255, 255] : [200, 30, 30];
    rows.push(Buffer.from([0, ...Array(width).fill(colour).flat()]));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/// Lower case without diacritics (đ → d), as the search folds text.
function Fold(text) {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

function Pathname(page) {
  return new URL(page.url()).pathname;
}

async function ExpectHeading(page, text) {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor({ state: 'visible' });
}

/// The page's status message (a notice after a redirect) contains `text`.
async function ExpectNotice(page, text) {
  await page.locator('main [role="status"]').filter({ hasText: text }).first().waitFor();
}

/// Clicks a button or link that leads to a new page whose path matches `re`.
async function Follow(page, locator, re) {
  await Promise.all([page.waitForURL((u) => re.test(u.pathname)), locator.click()]);
}

function Editor(page) {
  return page.getByRole('textbox', { name: 'Nội dung', exact: true });
}

/// A toolbar button whose accessible name contains `name` (it may also carry its visible glyph).
function Tool(page, name) {
  return page.getByRole('toolbar', { name: 'Định dạng' }).getByRole('button', { name });
}

/// The item as the API returns it to whoever is signed in in `page`'s context.
async function ItemJson(page, id) {
  const response = await page.request.get(`/api/v1/items/${id}`);
  assert.equal(response.status(), 200, `GET /api/v1/items/${id}: ${await response.text()}`);
  const json = await response.json();
  return json.item ?? json;
}

/// The body's section heading. The renderer shifts Markdown headings down one level so that the
/// title stays the only <h1> ("## " gives <h3>); either level is accepted here.
function ArticleHeading(page) {
  return page.locator('article .article-body').locator('h2, h3').filter({ hasText: kHeading });
}

function RatingSummary(page) {
  return page.locator('.rating-summary');
}

async function ExpectRatingSummary(page, text) {
  const summary = RatingSummary(page);
  await summary.waitFor();
  // textContent: the numbers sit in <strong>; only the words and the numbers matter.
  const got = (await summary.textContent()).replace(/\s+/g, ' ').trim();
  assert.equal(got, text);
}

function RateButton(page, score) {
  return page.getByRole('group', { name: 'Click để đánh giá bài viết' })
    .getByRole('button', { name: `${score} điểm`, exact: true });
}

/// The image the contributor uploaded, inside the article body, has its alternative text and
/// was delivered (decoded with a real size).
async function ExpectArticleImage(page) {
  const image = page.locator('article .article-body').getByRole('img', { name: kAlt, exact: true });
  await image.first().waitFor();
  assert.equal(await image.count(), 1, 'one image with the contributor\'s alternative text in the body');
  assert.equal(await image.getAttribute('alt'), kAlt);
  assert.match(await image.evaluate((img) => new URL(img.currentSrc || img.src).pathname), /^\/media\/\d+\//);
  await page.waitForFunction((alt) => {
    const img = [...document.querySelectorAll('article .article-body img')].find((i) => i.alt === alt);
    return img && img.complete && img.naturalWidth > 0;
  }, kAlt);
}

// ------------------------------------------------------------------------------------------------

describe('portal flow: write, approve, publish, find, read, rate', { timeout: 300_000 }, () => {
  before(async () => {
    base_url = await server.start({ demo: ['--items', '120', '--pictures', '3'], serve: ['--access-log', 'off'] });
    browser = await LaunchChromium(kStartupMs);
  }, { timeout: 120_000 });

  after(async () => {
    await browser?.close().catch(() => {});
    await server.stop();
  }, { timeout: 30_000 });

  test('a contributor writes a draft in the WYSIWYG editor with an image and sends it for approval',
    { timeout: kTestMs }, () => InContext({}, async (page) => {
      await SignIn(page, kContributor);
      await Follow(page, page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tin bài', exact: true }),
        /^\/quan-tri\/trang$/);
      await Follow(page, page.getByRole('link', { name: `Viết bài mới cho ${kSiteName}`, exact: true }),
        /^\/quan-tri\/trang\/\d+\/bai-viet\/moi$/);
      await ExpectHeading(page, 'Viết bài mới');
      await page.locator('textarea#body_md[data-editor-state="ready"]').waitFor({ state: 'attached' });

      await page.getByLabel('Chuyên mục', { exact: true }).selectOption({ label: 'Dân vận' });
      await page.getByLabel('Tiêu đề', { exact: true }).fill(kTitle);
      await page.getByLabel('Sapo (đoạn mở đầu)', { exact: true }).fill(kSapo);

      // The body, typed in the visual editor: a heading from the toolbar, then a paragraph with a
      // bold word (Ctrl+B), then an image through the toolbar's dialog.
      assert.equal(await page.locator('textarea#body_md').isVisible(), false, 'the textarea is replaced by the editor');
      await Editor(page).click();
      await page.keyboard.type(kHeading);
      await Tool(page, 'Tiêu đề mục').click();
      assert.equal(await Tool(page, 'Tiêu đề mục').getAttribute('aria-pressed'), 'true');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Từ đầu năm, sổ được ghi ');
      await page.keyboard.press('Control+B');
      await page.keyboard.type(kBold);
      await page.keyboard.press('Control+B');
      await page.keyboard.type(' sau mỗi buổi sinh hoạt chi bộ.');
      await page.keyboard.press('Enter');
      assert.equal(await Editor(page).locator('h2').innerText(), kHeading);
      assert.equal(await Editor(page).locator('strong').innerText(), kBold);

      await Tool(page, 'Chèn ảnh').click();
      const dialog = page.getByRole('dialog', { name: 'Chèn ảnh' });
      await dialog.waitFor();
      await dialog.getByLabel('Tệp ảnh').setInputFiles({ name: 'so-nhat-ky.png', mimeType: 'image/png', buffer: Png(96, 64) });
      await dialog.getByLabel('Mô tả ảnh (văn bản thay thế)').fill(kAlt);
      const [upload] = await Promise.all([
        page.waitForResponse((r) => /^\/quan-tri\/trang\/\d+\/anh$/.test(new URL(r.url()).pathname)),
        dialog.getByRole('button', { name: 'Tải lên và chèn', exact: true }).click(),
      ]);
      assert.equal(upload.status(), 201, `image upload answered ${upload.status()}: ${await upload.text()}`);
      await dialog.waitFor({ state: 'detached' });
      const inserted = Editor(page).getByRole('img', { name: kAlt, exact: true });
      await inserted.waitFor();
      assert.match(await inserted.getAttribute('src'), /^\/media\/\d+\//);
      await page.locator('.md-editor__status').filter({ hasText: 'Đã chèn ảnh.' }).waitFor();

      await Follow(page, page.getByRole('button', { name: 'Lưu bản nháp', exact: true }), /^\/quan-tri\/bai-viet\/\d+$/);
      flow.item_id = Number(/\/(\d+)$/.exec(Pathname(page))[1]);
      await ExpectNotice(page, 'Đã tạo bản nháp');
      await ExpectHeading(page, kTitle);

      // What was stored is Markdown: the heading, the bold word and the image with its alt text.
      const stored = await ItemJson(page, flow.item_id);
      assert.equal(stored.status, 'draft');
      assert.equal(stored.title, kTitle);
      assert.equal(stored.sapo, kSapo);
      assert.match(stored.body_md, new RegExp(`^## ${kHeading}$`, 'm'), stored.body_md);
      assert.ok(stored.body_md.includes(`**${kBold}**`), stored.body_md);
      assert.match(stored.body_md, new RegExp(`!\\[${kAlt}\\]\\(/media/\\d+/[^)\\s]+\\)`), stored.body_md);

      await Follow(page, page.getByRole('button', { name: 'Gửi duyệt', exact: true }), /^\/quan-tri\/bai-viet\/\d+$/);
      await ExpectNotice(page, 'Đã gửi bài viết đi duyệt.');
      await page.locator('.item-meta .badge').filter({ hasText: 'Chờ duyệt' }).waitFor();
      assert.equal((await ItemJson(page, flow.item_id)).status, 'submitted');
      // Once sent, the contributor can no longer send it again.
      assert.equal(await page.getByRole('button', { name: 'Gửi duyệt', exact: true }).count(), 0);
    }));

  test('the district editor approves the item but may not publish it', { timeout: kTestMs }, () => {
    assert.ok(flow.item_id, 'the contributor\'s step must have created the item');
    return InContext({}, async (page) => {
      await SignIn(page, kEditor);
      await Follow(page, page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tin bài', exact: true }),
        /^\/quan-tri\/trang$/);
      await Follow(page, page.getByRole('heading', { name: kSiteName, exact: true }).getByRole('link'), /^\/quan-tri\/trang\/\d+$/);
      await Follow(page, page.getByRole('navigation', { name: 'Lọc bài viết theo trạng thái' }).getByRole('link', { name: /^Chờ duyệt\b/ }),
        /^\/quan-tri\/trang\/\d+$/);
      await Follow(page, page.locator('main table.items-table').getByRole('link', { name: kTitle, exact: true }),
        new RegExp(`^/quan-tri/bai-viet/${flow.item_id}$`));
      await ExpectHeading(page, kTitle);

      await Follow(page, page.getByRole('button', { name: 'Duyệt', exact: true }), /^\/quan-tri\/bai-viet\/\d+$/);
      await ExpectNotice(page, 'Đã duyệt bài viết.');
      await page.locator('.item-meta .badge').filter({ hasText: 'Đã duyệt' }).waitFor();
      // Publishing is the board's.
      assert.equal(await page.getByRole('button', { name: 'Đăng ngay', exact: true }).count(), 0);
      assert.equal((await ItemJson(page, flow.item_id)).status, 'approved');
    });
  });

  test('the district board publishes it now', { timeout: kTestMs }, () => {
    assert.ok(flow.item_id, 'the editor\'s step must have approved the item');
    return InContext({}, async (page) => {
      await SignIn(page, kBoard);
      await page.goto(`/quan-tri/bai-viet/${flow.item_id}`);
      await ExpectHeading(page, kTitle);
      await Follow(page, page.getByRole('button', { name: 'Đăng ngay', exact: true }), /^\/quan-tri\/bai-viet\/\d+$/);
      await ExpectNotice(page, 'Đã đăng bài viết.');
      await page.locator('.item-meta .badge').filter({ hasText: 'Đã đăng' }).waitFor();
      const item = await ItemJson(page, flow.item_id);
      assert.equal(item.status, 'published');
      assert.ok(item.published_at, 'published_at is set');
    });
  });

  test('a reader finds the item without diacritics, reads it, rates it and enlarges the text',
    { timeout: kTestMs }, () => {
      assert.ok(flow.item_id, 'the item must have been published');
      return InContext({}, async (page) => {
        await page.goto(`${kSitePath}/`);
        await page.getByRole('link', { name: kSiteName }).first().waitFor();
        // A published item shows at once: the site's page cache follows the publication.
        await page.locator('main').getByRole('link', { name: kTitle, exact: true }).first().waitFor();

        const search = page.getByRole('search').getByRole('searchbox', { name: 'Tìm kiếm' });
        await search.fill(kQuery);
        await Promise.all([
          page.waitForURL((u) => u.pathname === `${kSitePath}/tim-kiem` && u.searchParams.get('q') === kQuery),
          search.press('Enter'),
        ]);
        await ExpectHeading(page, 'Tìm kiếm');
        await page.getByRole('status').filter({ hasText: /Tìm thấy \d+ kết quả/ }).waitFor();
        const hit = page.locator('ol.search-results > li').filter({ has: page.getByRole('link', { name: kTitle, exact: true }) });
        await hit.waitFor();
        assert.equal(await page.locator('ol.search-results > li').first().getByRole('link').textContent(), kTitle,
          'the item is the first result');
        const marks = await hit.getByRole('link').locator('mark').allTextContents();
        // Every word of the query is highlighted in the title, in its own spelling (with diacritics).
        const marked = Fold(marks.join(' ')).split(/\s+/);
        for (const word of kQuery.split(' ')) {
          assert.ok(marked.includes(word), `"${word}" should be highlighted in the title; marks: ${JSON.stringify(marks)}`);
        }
        assert.ok(marks.join(' ').includes('Ngải Thầu'), `highlights keep the diacritics: ${JSON.stringify(marks)}`);

        await Follow(page, hit.getByRole('link', { name: kTitle, exact: true }), /\/bai-viet\/.+-\d+$/);
        flow.public_path = Pathname(page);
        assert.ok(flow.public_path.startsWith(`${kSitePath}/bai-viet/`), flow.public_path);
        assert.ok(flow.public_path.endsWith(`-${flow.item_id}`), flow.public_path);
        await ExpectHeading(page, kTitle);
        assert.equal((await page.locator('article .sapo').textContent()).trim(), kSapo);
        await ArticleHeading(page).waitFor();
        assert.equal(await page.locator('article .article-body strong').first().textContent(), kBold);
        await ExpectArticleImage(page);

        // Rating: the form posts, the server redirects back with the thanks and the new total.
        await ExpectRatingSummary(page, 'Tổng số điểm của bài viết là: 0 trong 0 đánh giá');
        await Promise.all([
          page.waitForURL((u) => u.pathname === flow.public_path && u.searchParams.get('danh-gia') === 'cam-on'),
          RateButton(page, 5).click(),
        ]);
        await page.getByRole('status').filter({ hasText: 'Cảm ơn bạn đã đánh giá bài viết.' }).waitFor();
        await ExpectRatingSummary(page, 'Tổng số điểm của bài viết là: 5 trong 1 đánh giá');

        // Font size: A+ puts the larger size on <html>, and the choice outlives a reload.
        const root = page.locator('html');
        const group = page.getByRole('group', { name: 'Cỡ chữ' });
        await group.waitFor({ state: 'visible' });
        const size_before = await root.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        assert.equal(await group.getByRole('button', { name: 'Cỡ chữ mặc định' }).getAttribute('aria-pressed'), 'true');
        await group.getByRole('button', { name: 'Tăng cỡ chữ' }).click();
        await page.waitForFunction(() => document.documentElement.classList.contains('font-large'));
        assert.equal(await group.getByRole('button', { name: 'Tăng cỡ chữ' }).getAttribute('aria-pressed'), 'true');
        const size_large = await root.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        assert.ok(size_large > size_before, `font size ${size_before}px → ${size_large}px`);

        await page.reload();
        await ExpectHeading(page, kTitle);
        await page.waitForFunction(() => document.documentElement.classList.contains('font-large'));
        assert.equal(await group.getByRole('button', { name: 'Tăng cỡ chữ' }).getAttribute('aria-pressed'), 'true');
        assert.equal(await root.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)), size_large);

        // The plain address (a cached page, without the thanks) keeps the size and shows the new
        // total: the rating refreshed the cached copy.
        await page.goto(flow.public_path);
        await ExpectHeading(page, kTitle);
        await page.waitForFunction(() => document.documentElement.classList.contains('font-large'));
        await ExpectRatingSummary(page, 'Tổng số điểm của bài viết là: 5 trong 1 đánh giá');
        assert.equal(await page.getByRole('status').filter({ hasText: 'Cảm ơn' }).count(), 0);
      });
    });

  test('a reader without JavaScript reads the item and rates it through the plain form',
    { timeout: kTestMs }, () => {
      assert.ok(flow.public_path, 'the reader\'s step must have found the item');
      return InContext({ javaScriptEnabled: false, viewport: kPhone }, async (page) => {
        await page.goto(flow.public_path);
        await ExpectHeading(page, kTitle);
        await ArticleHeading(page).waitFor();
        const image = page.locator('article .article-body').getByRole('img', { name: kAlt, exact: true });
        await image.waitFor();
        assert.equal(await image.getAttribute('alt'), kAlt);
        // The font size buttons need the script: without it they stay hidden rather than dead.
        assert.equal(await page.getByRole('group', { name: 'Cỡ chữ' }).count(), 0);

        await Promise.all([
          page.waitForURL((u) => u.pathname === flow.public_path && u.searchParams.get('danh-gia') === 'cam-on'),
          RateButton(page, 4).click(),
        ]);
        await page.getByRole('status').filter({ hasText: 'Cảm ơn bạn đã đánh giá bài viết.' }).waitFor();
        await ExpectRatingSummary(page, 'Tổng số điểm của bài viết là: 9 trong 2 đánh giá');
      });
    });
});
