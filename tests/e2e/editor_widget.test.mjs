// Browser tests of the Markdown editor widget (static/js/editor.js and the Milkdown bundle in
// static/vendor/milkdown/, made by scripts/fetch-assets.sh), without the C++ server: a small Node
// server serves static/ and a fixture form under the site's CSP, and fakes the image upload.
//
//   CHROMIUM      browser binary (default /usr/bin/chromium)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { LaunchChromium } from './server.mjs';

const kStatic = fileURLToPath(new URL('../../static/', import.meta.url));
const kCsp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
  "frame-ancestors 'none'";
const kCsrf = 'tok';
const kUploadError = 'Ảnh quá lớn: dung lượng tối đa là 10 MB.';

const kStepMs = 10_000;
const kTestMs = 60_000;
const kPhone = { width: 360, height: 740 };
const kDesktop = { width: 1280, height: 800 };

const kTypes = {
  '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

// ------------------------------------------------------------------------------------------------
// Fixtures

function EscapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const kWords = ('tỉnh Lào Cai triển khai công tác tuyên truyền đến từng thôn bản đồng bào dân tộc ' +
  'thiểu số cán bộ cơ sở hội nghị báo cáo viên nông thôn mới chuyển đổi số biên giới an ninh ' +
  'kinh tế văn hóa giáo dục y tế du lịch Sa Pa Bát Xát Mường Khương Si Ma Cai').split(' ');

/// 50 sections, each a heading and four paragraphs: about 5,000 words of Markdown.
function LongArticle() {
  let n = 0;
  const word = () => kWords[(n++ * 7) % kWords.length];
  const sentence = (len) => Array.from({ length: len }, word).join(' ');
  const sections = [];
  for (let i = 1; i <= 50; i++) {
    const paragraphs = [];
    for (let p = 0; p < 4; p++) paragraphs.push(`${sentence(12)}, ${sentence(12)}.`);
    sections.push(`## Phần ${i}: ${sentence(3)}\n\n${paragraphs.join('\n\n')}`);
  }
  return `${sections.join('\n\n')}\n`;
}

/// Words of Markdown text, without the syntax around them.
function Words(markdown) {
  return markdown.replace(/^#+\s/gm, ' ').replace(/[*_`>|#-]+/g, ' ').split(/\s+/).filter(Boolean);
}

/// A valid 4×4 PNG (red pixels), built here so the test needs no binary fixture.
function TinyPng() {
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
  ihdr.writeUInt32BE(4, 0);
  ihdr.writeUInt32BE(4, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);  // 8-bit RGB
  const row = Buffer.from([0, ...Array(4).fill([200, 30, 30]).flat()]);
  const pixels = Buffer.concat(Array(4).fill(row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/// The form page: the textarea is enhanced when JavaScript runs and is a plain field otherwise.
/// editor.js loads the vendor files itself; a page may also link them (`linked`).
function FormPage(markdown, linked) {
  const vendor = linked
    ? '<link rel="stylesheet" href="/static/vendor/milkdown/milkdown.min.css?v=test">\n' +
      '<link rel="stylesheet" href="/static/css/editor.css?v=test">\n' +
      '<script src="/static/vendor/milkdown/milkdown.min.js?v=test" defer></script>\n'
    : '';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Soạn bài</title>
<link rel="icon" href="/static/favicon.svg">
<link rel="stylesheet" href="/static/css/app.css?v=test">
${vendor}<script src="/static/js/editor.js?v=test" defer></script>
</head>
<body>
<main>
<h1>Soạn bài</h1>
<form class="form" method="post" action="/submit">
  <div class="field">
    <label for="body">Nội dung</label>
    <p class="hint" id="body-hint">Viết theo Markdown.</p>
    <textarea id="body" name="body" rows="12" data-editor="markdown" data-upload-url="/upload"
      data-csrf="${kCsrf}" aria-describedby="body-hint">${EscapeHtml(markdown)}</textarea>
  </div>
  <div class="actions"><button class="button primary" type="submit">Lưu bài</button></div>
</form>
</main>
</body>
</html>`;
}

// An article as stored, in its author's own spelling of Markdown: an image without a title, a
// fenced block without a language, a table, a link, `_` emphasis and `*` bullets.
const kOldArticle = 'Bài **cũ** có [liên kết](https://laocai.gov.vn) và _nghiêng_.\n\n' +
  '![Ảnh cũ](/media/9/1280.png)\n\n* một\n* hai\n\n| A | B |\n|---|:-:|\n| 1 | 2 |\n\n```\nmake build\n```\n';

// HTML as Word puts it on the clipboard: namespaces, a <style> block, Mso classes, mso- styles,
// <o:p> fillers, empty paragraphs, list paragraphs with the bullet as text, a table without <th>.
const kWordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta name=Generator content="Microsoft Word 15">
<style><!-- /* Style Definitions */ p.MsoNormal {margin:0cm; font-size:12.0pt; font-family:"Times New Roman";} --></style>
</head>
<body lang=VI style='tab-interval:36.0pt'>
<!--StartFragment-->
<h2 style='mso-margin-top-alt:auto'><span lang=VI>Kế hoạch tuyên truyền<o:p></o:p></span></h2>
<p class=MsoNormal style='text-align:justify;mso-line-height-alt:12.0pt'><span lang=VI
style='font-size:13.0pt;font-family:"Times New Roman",serif;mso-fareast-language:VI'>Nội dung
<b style='mso-bidi-font-weight:normal'>quan trọng</b> cần phổ biến.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<ul style='margin-top:0cm' type=disc>
 <li class=MsoNormal style='mso-list:l0 level1 lfo1'>Mục một<o:p></o:p></li>
 <li class=MsoNormal style='mso-list:l0 level1 lfo1'>Mục hai<o:p></o:p></li>
</ul>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Ý thứ nhất<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l1 level2 lfo2'><![if !supportLists]><span
style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span></span><![endif]>Ý con<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;
</span></span></span><![endif]>Ý thứ hai<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l2 level1 lfo3'><![if !supportLists]><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Bước một<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l2 level1 lfo3'><![if !supportLists]><span
style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Bước hai<o:p></o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=200 valign=top style='width:150pt;border:solid windowtext 1.0pt'><p class=MsoNormal><b>Cột A</b><o:p></o:p></p></td>
  <td width=200 valign=top style='width:150pt;border:solid windowtext 1.0pt'><p class=MsoNormal><b>Cột B</b><o:p></o:p></p></td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=200 valign=top style='width:150pt'><p class=MsoNormal>Ô một<o:p></o:p></p></td>
  <td width=200 valign=top style='width:150pt'><p class=MsoNormal>Ô hai<o:p></o:p></p></td>
 </tr>
</table>
<!--EndFragment-->
</body>
</html>`;

const kWordText = 'Kế hoạch tuyên truyền\nNội dung quan trọng cần phổ biến.\nMục một\nMục hai\n' +
  'Ý thứ nhất\nÝ con\nÝ thứ hai\nBước một\nBước hai\nCột A\tCột B\nÔ một\tÔ hai';

// A web page's clipboard: ordinary semantic HTML with classes and inline styles.
const kWebHtml = `<meta charset="utf-8"><div class="article-body" style="font-family: Arial">
<h3 class="title" style="color: rgb(165, 15, 21)">Lịch tiếp công dân</h3>
<ol><li><span style="font-weight: 700">Thứ hai</span>: phòng tiếp dân</li><li><em>Thứ sáu</em>: trực tuyến</li></ol>
<blockquote><p>Lắng nghe ý kiến nhân dân.</p></blockquote>
<p>Xem <a href="https://laocai.gov.vn/lich" target="_blank" style="color: red">lịch chi tiết</a>.</p></div>`;

// ------------------------------------------------------------------------------------------------
// The fake site

let server;
let base_url;
let browser;
const submissions = [];
const uploads = [];

async function ReadBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function Send(res, status, type, body) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': kCsp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function SendJson(res, status, value) {
  Send(res, status, 'application/json', JSON.stringify(value));
}

async function Upload(req, res) {
  if (req.headers['x-csrf-token'] !== kCsrf) {
    return SendJson(res, 403, { error: { code: 'csrf', message: 'Phiên làm việc đã hết hạn.' } });
  }
  const type = req.headers['content-type'] || '';
  if (!type.startsWith('multipart/form-data; boundary=')) {
    return SendJson(res, 400, { error: { code: 'bad_request', message: `Sai kiểu dữ liệu: ${type}` } });
  }
  const form = await new Response(await ReadBody(req), { headers: { 'content-type': type } }).formData();
  const file = form.get('file');
  const alt = form.get('alt');
  const bytes = file && typeof file !== 'string' ? Buffer.from(await file.arrayBuffer()) : null;
  const upload = {
    cookie_sent: Boolean(req.headers.cookie), alt, name: file && file.name, type: file && file.type,
    png: Boolean(bytes && bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))),
    fields: [...form.keys()].sort(),
  };
  uploads.push(upload);
  if (!upload.png || typeof alt !== 'string' || !alt.trim()) {
    return SendJson(res, 400, { error: { code: 'invalid', message: 'Thiếu tệp ảnh hoặc mô tả ảnh.' } });
  }
  if (alt === 'lỗi') return SendJson(res, 413, { error: { code: 'too_large', message: kUploadError } });
  const id = uploads.length;
  return SendJson(res, 201, { id, url: `/media/${id}/1280.png`, alt });
}

async function Handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/form') {
    const markdown = url.searchParams.get('doc') === 'long' ? LongArticle() : (url.searchParams.get('md') || '');
    return Send(res, 200, 'text/html; charset=utf-8', FormPage(markdown, url.searchParams.has('linked')));
  }
  if (req.method === 'POST' && url.pathname === '/submit') {
    const form = new URLSearchParams((await ReadBody(req)).toString('utf8'));
    // Browsers post a textarea's line breaks as CRLF; the real server normalises them the same way.
    submissions.push(form.get('body').replace(/\r\n/g, '\n'));
    return Send(res, 200, 'text/html; charset=utf-8', '<!doctype html><html lang="vi"><title>Đã lưu</title>' +
      '<link rel="icon" href="/static/favicon.svg"><h1>Đã lưu</h1></html>');
  }
  if (req.method === 'POST' && url.pathname === '/upload') return Upload(req, res);
  if (req.method === 'GET' && url.pathname.startsWith('/media/')) {
    return Send(res, 200, 'image/png', TinyPng());
  }
  if (req.method === 'GET' && url.pathname.startsWith('/static/')) {
    const file = path.normalize(path.join(kStatic, url.pathname.slice('/static/'.length)));
    if (file.startsWith(kStatic)) {
      try {
        return Send(res, 200, kTypes[path.extname(file)] || 'application/octet-stream', await readFile(file));
      } catch {
        // fall through to 404
      }
    }
  }
  return Send(res, 404, 'text/plain; charset=utf-8', 'không có');
}

// ------------------------------------------------------------------------------------------------
// Helpers

/// Runs `body(page)` in a fresh context and then checks that nothing broke the CSP, logged an
/// error, threw, or failed to load, except problems matching one of `allowed`.
async function InPage(options, body, allowed = []) {
  const context = await browser.newContext({ locale: 'vi-VN', baseURL: base_url, ...options });
  context.setDefaultTimeout(kStepMs);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} for ${new URL(r.url()).pathname}`); });
  // Runs before the page's own scripts and is not subject to its CSP.
  await page.addInitScript(() => {
    window.__csp_violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp_violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    }, true);
  });
  try {
    await body(page);
    if (options.javaScriptEnabled !== false) {
      problems.push(...(await page.evaluate(() => window.__csp_violations || [])).map((v) => `CSP: ${v}`));
    }
    const unexpected = problems.filter((p) => !allowed.some((re) => re.test(p)));
    assert.deepEqual(unexpected, [], 'CSP violations, console errors or broken requests');
  } finally {
    await context.close();
  }
}

async function OpenForm(page, query = '') {
  await page.goto(`/form${query}`);
  await page.locator('textarea#body[data-editor-state="ready"]').waitFor({ state: 'attached' });
}

function Content(page) {
  return page.getByRole('textbox', { name: 'Nội dung' });
}

function Tool(page, name) {
  // Buttons that show a glyph ("H2") carry it before their name ("H2 Tiêu đề mục").
  return page.getByRole('toolbar', { name: 'Định dạng' }).getByRole('button', { name: new RegExp(`^(H\\d )?${name}$`) });
}

/// Submits the form and returns the Markdown the server received.
async function Submit(page) {
  const before_count = submissions.length;
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/submit'),
    page.getByRole('button', { name: 'Lưu bài' }).click(),
  ]);
  assert.equal(submissions.length, before_count + 1);
  return submissions[submissions.length - 1];
}

/// What the textarea holds once the editor has flushed (as the Markdown view shows it).
async function SourceOf(page) {
  await page.getByRole('button', { name: 'Markdown', exact: true }).click();
  const value = await page.locator('textarea#body').inputValue();
  await page.getByRole('button', { name: 'Trực quan', exact: true }).click();
  return value;
}

async function Paste(page, data) {
  await Content(page).evaluate((el, items) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(items)) transfer.setData(type, value);
    el.focus();
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

// ------------------------------------------------------------------------------------------------

describe('Markdown editor widget', { timeout: 180_000 }, () => {
  before(async () => {
    await access(path.join(kStatic, 'vendor/milkdown/milkdown.min.js')).catch(() => {
      throw new Error('static/vendor/milkdown/ is missing: run scripts/fetch-assets.sh (make build does)');
    });
    server = createServer((req, res) => {
      Handle(req, res).catch((e) => Send(res, 500, 'text/plain', String(e.stack || e)));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base_url = `http://127.0.0.1:${server.address().port}`;
    browser = await LaunchChromium(30_000);
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  });

  test('mounts under the strict CSP with a Vietnamese toolbar, on a phone too', { timeout: kTestMs }, async () => {
    for (const viewport of [kDesktop, kPhone]) {
      await InPage({ viewport }, async (page) => {
        await OpenForm(page, `?md=${encodeURIComponent(kOldArticle)}`);
        assert.equal(await page.locator('textarea#body').isVisible(), false, 'the textarea is replaced');
        await Content(page).waitFor({ state: 'visible' });
        assert.equal(await Content(page).locator('strong').innerText(), 'cũ');
        assert.equal(await Content(page).locator('img[src="/media/9/1280.png"]').getAttribute('alt'), 'Ảnh cũ');
        assert.equal(await Content(page).locator('table th').count(), 2);
        assert.equal(await Content(page).locator('pre').innerText(), 'make build');
        for (const name of ['Đậm', 'Nghiêng', 'Tiêu đề mục', 'Danh sách', 'Chèn bảng', 'Chèn ảnh', 'Chèn liên kết', 'Trích dẫn']) {
          assert.ok(await Tool(page, name).isVisible(), `toolbar button ${name}`);
        }
        // The vendor stylesheet and ours were loaded by editor.js (the page links neither).
        const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => new URL(s.href).pathname));
        assert.deepEqual(sheets.sort(), ['/static/css/app.css', '/static/css/editor.css', '/static/vendor/milkdown/milkdown.min.css']);
        const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
        assert.ok(scroll <= width, `page is ${scroll}px wide in a ${width}px viewport`);
        // An untouched article is posted exactly as it was loaded.
        assert.equal(await Submit(page), kOldArticle);
      });
    }
  });

  test('a page that links the vendor files itself gets each file once', { timeout: kTestMs }, async () => {
    await InPage({ viewport: kDesktop }, async (page) => {
      const requested = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await OpenForm(page, '?linked');
      assert.equal(await Content(page).getAttribute('aria-describedby'), 'body-hint');
      const count = (p) => requested.filter((x) => x === p).length;
      for (const p of ['/static/vendor/milkdown/milkdown.min.js', '/static/vendor/milkdown/milkdown.min.css', '/static/css/editor.css']) {
        assert.equal(count(p), 1, `${p} requested ${count(p)} times`);
      }
      assert.equal(await page.evaluate(() => document.styleSheets.length), 3);
    });
  });

  test('typing a heading and bold text in WYSIWYG mode posts Markdown', { timeout: kTestMs }, async () => {
    await InPage({ viewport: kDesktop }, async (page) => {
      await OpenForm(page);
      await Content(page).click();
      await page.keyboard.type('Kết quả hội nghị');
      await Tool(page, 'Tiêu đề mục').click();
      assert.equal(await Tool(page, 'Tiêu đề mục').getAttribute('aria-pressed'), 'true');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Hội nghị đã ');
      await page.keyboard.press('Control+B');
      await page.keyboard.type('thống nhất');
      await page.keyboard.press('Control+B');
      await page.keyboard.type(' kế hoạch.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('### Mục nhỏ gõ bằng Markdown');
      await page.keyboard.press('Enter');
      await Tool(page, 'Danh sách').click();
      await page.keyboard.type('Ý một');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Ý hai');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Xem thêm: ');
      await Tool(page, 'Chèn liên kết').click();
      const dialog = page.getByRole('dialog', { name: 'Chèn liên kết' });
      await dialog.getByLabel('Địa chỉ liên kết').fill('javascript:alert(1)');
      await dialog.getByLabel('Chữ hiển thị').fill('Cổng thông tin');
      await dialog.getByRole('button', { name: 'Chèn', exact: true }).click();
      await dialog.getByText('Địa chỉ liên kết không hợp lệ').waitFor();
      await dialog.getByLabel('Địa chỉ liên kết').fill('laocai.gov.vn');
      await dialog.getByRole('button', { name: 'Chèn', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      assert.equal(await Content(page).getByRole('link', { name: 'Cổng thông tin' }).getAttribute('href'), 'https://laocai.gov.vn');

      // The source view shows the same Markdown; an edit there comes back to the visual view.
      await page.getByRole('button', { name: 'Markdown', exact: true }).click();
      const source = page.locator('textarea#body');
      assert.ok(await source.isVisible());
      assert.equal(await Tool(page, 'Đậm').isVisible(), false, 'no formatting buttons over the source');
      assert.equal(await source.inputValue(),
        '## Kết quả hội nghị\n\nHội nghị đã **thống nhất** kế hoạch.\n\n### Mục nhỏ gõ bằng Markdown\n\n- Ý một\n- Ý hai\n\n' +
        'Xem thêm: [Cổng thông tin](https://laocai.gov.vn)\n');
      await source.press('Control+End');
      await source.pressSequentially('\nThêm từ *Markdown*.');
      await page.getByRole('button', { name: 'Trực quan', exact: true }).click();
      assert.equal(await Content(page).locator('em').innerText(), 'Markdown');

      const posted = await Submit(page);
      assert.match(posted, /^## Kết quả hội nghị\n\nHội nghị đã \*\*thống nhất\*\* kế hoạch\.\n/);
      assert.match(posted, /\n### Mục nhỏ gõ bằng Markdown\n/);
      assert.match(posted, /\n- Ý một\n- Ý hai\n/);
      assert.match(posted, /Thêm từ \*Markdown\*\./);
    });
  });

  test('pasting from Word and from a web page keeps the structure and drops the junk', { timeout: kTestMs }, async () => {
    await InPage({ viewport: kDesktop }, async (page) => {
      await OpenForm(page);
      await Paste(page, { 'text/html': kWordHtml, 'text/plain': kWordText });
      await page.keyboard.press('Control+End');
      await Paste(page, { 'text/html': kWebHtml, 'text/plain': 'Lịch tiếp công dân' });
      const markdown = await SourceOf(page);

      assert.match(markdown, /^## Kế hoạch tuyên truyền$/m);
      assert.match(markdown, /^Nội dung \*\*quan trọng\*\* cần phổ biến\.$/m);
      assert.match(markdown, /^- Mục một\n- Mục hai$/m);
      // A list right after another list takes the other bullet (*), or Markdown would merge them.
      assert.match(markdown, /^[-*] Ý thứ nhất\n\s+[-*] Ý con\n[-*] Ý thứ hai$/m, 'Word list paragraphs become a nested list');
      assert.match(markdown, /^1\. Bước một\n2\. Bước hai$/m);
      assert.match(markdown, /^\| \*\*Cột A\*\* +\| \*\*Cột B\*\* +\|$/m, 'the first row becomes the header');
      assert.match(markdown, /^\| [-:]+ +\| [-:]+ +\|$/m);
      assert.match(markdown, /^\| Ô một +\| Ô hai +\|$/m);
      assert.match(markdown, /^### Lịch tiếp công dân$/m);
      assert.match(markdown, /^1\. \*\*Thứ hai\*\*: phòng tiếp dân\n2\. \*Thứ sáu\*: trực tuyến$/m);
      assert.match(markdown, /^> Lắng nghe ý kiến nhân dân\.$/m);
      assert.match(markdown, /\[lịch chi tiết\]\(https:\/\/laocai\.gov\.vn\/lich\)/);
      for (const junk of ['o:p', 'Mso', 'mso-', 'style', 'class', '<', '&nbsp;', '&#x', '\u00a0', '·', 'Symbol']) {
        assert.ok(!markdown.includes(junk), `pasted junk ${JSON.stringify(junk)} in:\n${markdown}`);
      }
      assert.ok(!/\n{3,}/.test(markdown), 'no runs of empty paragraphs');
    });
  });

  test('a 5,000-word article loads, round-trips and stays responsive', { timeout: kTestMs }, async () => {
    const article = LongArticle();
    const words = Words(article).length;
    assert.ok(words >= 4900 && words <= 5200, `fixture has ${words} words`);
    await InPage({ viewport: kDesktop }, async (page) => {
      const started = Date.now();
      await OpenForm(page, '?doc=long');
      const load_ms = Date.now() - started;
      assert.equal(await Content(page).locator('h2').count(), 50);

      await Content(page).click();
      await page.keyboard.press('Control+End');
      const typed = ' Bổ sung cuối bài: đoàn công tác của tỉnh đã làm việc tại các xã biên giới, kiểm tra mô ' +
        'hình dân vận khéo, lắng nghe đồng bào các dân tộc rồi ghi nhận kiến nghị về đường, trường, trạm y tế, nước sạch.';
      assert.equal(typed.length, 200);
      // Timed inside the page, one task per character through the browser's own editing path
      // (execCommand insertText fires beforeinput/input like a key press), so the number is the
      // editor's work and not DevTools round trips on a busy test machine.
      const insert_ms = await Content(page).evaluate(async (el, text) => {
        const next_task = () => new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(0);
        });
        el.focus();
        const t0 = performance.now();
        for (const c of text) {
          document.execCommand('insertText', false, c);
          await next_task();
        }
        return performance.now() - t0;
      }, typed);
      await Content(page).locator('p').last().filter({ hasText: 'trạm y tế, nước sạch.' }).waitFor();
      assert.ok(insert_ms < 2000, `inserting 200 characters took ${Math.round(insert_ms)} ms`);
      // And real key presses at the end of the long article still land where they should.
      await page.keyboard.type(' Hết.');

      const posted = await Submit(page);
      assert.equal((posted.match(/^## /gm) || []).length, 50, 'headings after the round trip');
      const expected = words + Words(typed).length + 1;
      const got = Words(posted).length;
      assert.ok(Math.abs(got - expected) <= expected * 0.01, `words: ${got}, expected ${expected} ±1%`);
      assert.ok(posted.trimEnd().endsWith('trạm y tế, nước sạch. Hết.'), posted.slice(-80));
      console.log(`# 5,000 words: editor ready ${load_ms} ms after navigation, 200 characters inserted in ${Math.round(insert_ms)} ms`);
    });
  });

  test('an image is uploaded with its required alternative text and inserted as Markdown', { timeout: kTestMs }, async () => {
    const png = TinyPng();
    await InPage({ viewport: kDesktop }, async (page) => {
      await OpenForm(page, `?md=${encodeURIComponent('Ảnh hội nghị:')}`);
      await Content(page).click();
      await page.keyboard.press('Control+End');
      const before_uploads = uploads.length;

      await Tool(page, 'Chèn ảnh').click();
      const dialog = page.getByRole('dialog', { name: 'Chèn ảnh' });
      await dialog.waitFor();
      await dialog.getByLabel('Tệp ảnh').setInputFiles({ name: 'hoi-nghi.png', mimeType: 'image/png', buffer: png });
      // No alternative text: refused, nothing sent.
      await dialog.getByRole('button', { name: 'Tải lên và chèn' }).click();
      await dialog.getByText('Vui lòng nhập mô tả ảnh').waitFor();
      assert.equal(await dialog.getByLabel('Mô tả ảnh (văn bản thay thế)').getAttribute('aria-invalid'), 'true');
      assert.equal(uploads.length, before_uploads);

      await dialog.getByLabel('Mô tả ảnh (văn bản thay thế)').fill('Toàn cảnh hội nghị');
      await dialog.getByRole('button', { name: 'Tải lên và chèn' }).click();
      await dialog.waitFor({ state: 'detached' });
      const image = Content(page).locator('img[src]');
      await image.waitFor();
      assert.equal(await image.getAttribute('src'), `/media/${before_uploads + 1}/1280.png`);
      assert.equal(await image.getAttribute('alt'), 'Toàn cảnh hội nghị');
      await page.locator('.md-editor__status').filter({ hasText: 'Đã chèn ảnh.' }).waitFor();
      assert.deepEqual(uploads[uploads.length - 1], {
        cookie_sent: false, alt: 'Toàn cảnh hội nghị', name: 'hoi-nghi.png', type: 'image/png', png: true, fields: ['alt', 'file'],
      });

      // A pasted screenshot goes through the same dialog.
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await Content(page).evaluate((el, bytes) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], 'anh-chup.png', { type: 'image/png' }));
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      }, [...png]);
      await dialog.getByText('anh-chup.png').waitFor();
      await dialog.getByLabel('Mô tả ảnh (văn bản thay thế)').fill('Ảnh chụp màn hình');
      await dialog.getByRole('button', { name: 'Tải lên và chèn' }).click();
      await dialog.waitFor({ state: 'detached' });
      await Content(page).locator('img[src]').nth(1).waitFor();

      const posted = await Submit(page);
      const first = before_uploads + 1;
      assert.match(posted, new RegExp(`^Ảnh hội nghị:!\\[Toàn cảnh hội nghị\\]\\(/media/${first}/1280\\.png\\)$`, 'm'));
      assert.match(posted, new RegExp(`^!\\[Ảnh chụp màn hình\\]\\(/media/${first + 1}/1280\\.png\\)$`, 'm'));
    });
  });

  test('an upload error is announced in Vietnamese beside the editor', { timeout: kTestMs }, async () => {
    await InPage({ viewport: kPhone }, async (page) => {
      await OpenForm(page);
      await Content(page).click();
      await Tool(page, 'Chèn ảnh').click();
      const dialog = page.getByRole('dialog', { name: 'Chèn ảnh' });
      await dialog.getByLabel('Tệp ảnh').setInputFiles({ name: 'lon.png', mimeType: 'image/png', buffer: TinyPng() });
      await dialog.getByLabel('Mô tả ảnh (văn bản thay thế)').fill('lỗi');
      await dialog.getByRole('button', { name: 'Tải lên và chèn' }).click();
      await dialog.waitFor({ state: 'detached' });
      const status = page.locator('.md-editor__status[aria-live="polite"]');
      await status.filter({ hasText: kUploadError }).waitFor();
      assert.ok(await status.evaluate((el) => el.classList.contains('md-editor__status--error')));
      assert.equal(await Content(page).locator('img[src]').count(), 0);
    }, [/^413 for \/upload$/, /^console error: Failed to load resource: .* status of 413/]);
  });

  test('without JavaScript the plain textarea is visible and posts what was typed', { timeout: kTestMs }, async () => {
    await InPage({ viewport: kPhone, javaScriptEnabled: false }, async (page) => {
      await page.goto('/form');
      const textarea = page.getByRole('textbox', { name: 'Nội dung' });
      assert.ok(await textarea.isVisible());
      assert.equal(await page.locator('.md-editor').count(), 0);
      await textarea.fill('## Tiêu đề\n\nNội dung **đậm**.');
      assert.equal(await Submit(page), '## Tiêu đề\n\nNội dung **đậm**.');
    });
  });
});
