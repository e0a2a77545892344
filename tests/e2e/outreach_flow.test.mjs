// The monthly outreach conference, end to end in Chromium against a real `tuyenvan serve` on demo data:
// on a phone, a commune officer registers next month's conference, changes its date with a reason before
// that date, records a conference already held (with a photo) and sends a draft of it to the district
// portal's "Thông tin tuyên vận" column; the district officer then sees the new status on the month's
// supervision board and sends a reminder to another commune from it. The registration form, the record
// form and the board have no serious or critical axe-core violation at 360 px and do not scroll sideways.
//
//   TUYENVAN_BIN  server binary (default ../../build/release/tuyenvan from this file)
//   CHROMIUM      browser binary (default /usr/bin/chromium)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { DemoServer, LaunchChromium, SignIn } from './server.mjs';

const kAxePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const kStartupMs = 30_000;
const kStepMs = 10_000;
const kTestMs = 90_000;
const kPhone = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };
const kDesktop = { viewport: { width: 1280, height: 800 } };

const kCommuneOfficer = { login: 'xa.amusung', password: 'canbo-amusung-2026' };
const kDistrictOfficer = { login: 'huyen.batxat', password: 'canbo-batxat-2026' };
const kBoard = { login: 'bbt.batxat', password: 'banbientap-batxat-2026' };
const kCommune = 'Xã A Mú Sung';
const kDistrict = 'Huyện Bát Xát';
const kDistrictSite = 'Trang thông tin điện tử Huyện ủy Bát Xát';
const kColumn = 'Thông tin tuyên vận';

// Unique words of this run, so that what the test finds is what it typed.
const kRun = randomBytes(3).toString('hex');
const kVenue = `Nhà văn hóa thôn Phìn Hồ ${kRun}`;
const kChair = 'Đồng chí Phó Bí thư Thường trực Đảng ủy';
const kPlannedTopic = `Phòng, chống sạt lở đất mùa mưa (${kRun})`;
const kPlannedSpeaker = 'Lý Seo Dìn';
const kChangeReason = `Trùng lịch tiêm chủng của trạm y tế xã (${kRun})`;
const kTopic = `Chuyển đổi số trong thanh toán dịch vụ công (${kRun})`;
const kSpeaker = 'Hoàng Thị Mai';
const kOpinion = `Đề nghị lắp thêm đèn chiếu sáng cầu treo (${kRun})`;
const kFollowUp = 'UBND xã';
const kCaption = `Bà con thôn Phìn Hồ dự hội nghị tuyên vận (${kRun})`;
const kReminder = `Đề nghị xã nộp biên bản hội nghị tháng này (${kRun})`;

const server = new DemoServer();
let base_url;
let browser;
let axe_source;

// What the steps hand on to each other.
const flow = { record_month: null, record_month_label: null, board_url: null };

// ------------------------------------------------------------------------------------------------
// Server and browser

/// Runs `body(page, context)` in a fresh context and then checks what the pages reported: uncaught script
/// errors, console errors (CSP violations among them), server errors and broken assets.
async function InContext(options, body) {
  const context = await browser.newContext({ locale: 'vi-VN', baseURL: base_url, ...options });
  context.setDefaultTimeout(kStepMs);
  context.setDefaultNavigationTimeout(kStepMs);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error on ${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`script error on ${page.url()}: ${e.message}`));
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (r.status() >= 500) problems.push(`${r.status()} ${r.request().method()} ${url.pathname}${url.search}`);
    else if (r.status() >= 400 && r.request().resourceType() !== 'document') problems.push(`${r.status()} for asset ${url.pathname}`);
  });
  try {
    await body(page, context);
    assert.deepEqual(problems, [], 'script errors, console errors, server errors or broken assets');
  } catch (e) {
    server.explain(e);
    throw e;
  } finally {
    await context.close();
  }
}

/// Clicks a button or link that leads to a new page: one whose path matches `to` (a RegExp), or for which
/// `to(url)` holds. A form that comes back to its own page must name what only the new address has (the
/// redirect's "saved" parameter), since waiting for an address the page already has would not wait at all.
async function Follow(page, locator, to) {
  const arrived = to instanceof RegExp ? (u) => to.test(u.pathname) : to;
  await Promise.all([page.waitForURL(arrived), locator.click()]);
}

/// The conference's page after a form of it was saved: `/hoi-nghi/{id}?da-luu={what}`.
function Saved(what) {
  return (u) => /^\/quan-tri\/tuyen-van\/hoi-nghi\/\d+$/.test(u.pathname) && u.searchParams.get('da-luu') === what;
}

async function ExpectHeading(page, text) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor({ state: 'visible' });
}

/// The page's status message (a notice after a redirect) contains `text`.
async function ExpectNotice(page, text) {
  await page.locator('main [role="status"]').filter({ hasText: text }).first().waitFor();
}

/// The conference's status badge, right under its heading.
function StatusBadge(page) {
  return page.locator('main h1 + p .badge').first();
}

/// Text with its white space folded, as a person reads it.
async function Text(locator) {
  return (await locator.textContent()).replace(/\s+/g, ' ').trim();
}

/// "2026-12" → "12/2026", as the pages show a month.
function MonthLabel(month) {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/// A real JPEG drawn by the browser itself (a flag-red field with a yellow disc), so the test needs no
/// binary fixture and the server's decoder sees genuine image bytes.
async function Jpeg(page, width, height) {
  const url = await page.evaluate(([w, h]) => {
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const g = canvas.getContext('2d');
    g.fillStyle = '#c8102e';
    g.fillRect(0, 0, w, h);
    g.fillStyle = '#ffcd00';
    g.beginPath();
    g.arc(w / 2, h / 2, Math.min(w, h) / 4, 0, 2 * Math.PI);
    g.fill();
    return canvas.toDataURL('image/jpeg', 0.9);
  }, [width, height]);
  assert.match(url, /^data:image\/jpeg;base64,/);
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

// ------------------------------------------------------------------------------------------------
// Checks

/// Serious or critical axe-core violations of the page. The CSP forbids inline script, so axe's source is
/// evaluated through DevTools, which the CSP does not govern.
async function GraveViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(axe_source);
  }
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/// No serious or critical axe violation, one <h1>, and at 360 px nothing makes the page scroll sideways.
async function CheckAccessible(page, where) {
  assert.deepEqual(await GraveViolations(page), [], `${where}: serious or critical axe violations`);
  assert.equal(await page.locator('h1').count(), 1, `${where}: one <h1>`);
  const { scroll, width, wide } = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > limit + 1 && !el.closest('.table-wrap'))
      .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`);
    return { scroll: document.scrollingElement.scrollWidth, width: window.innerWidth, wide };
  });
  assert.ok(scroll <= width, `${where}: the page is ${scroll}px wide on a ${width}px screen; widest: ${wide.join(', ')}`);
}

// ------------------------------------------------------------------------------------------------

describe('hội nghị tuyên vận: đăng ký, đổi lịch, biên bản có ảnh, gửi bài, bảng giám sát, nhắc việc', { timeout: 300_000 }, () => {
  before(async () => {
    [base_url, axe_source] = await Promise.all([
      server.start({ demo: ['--items', '120', '--pictures', '3'], serve: ['--access-log', 'off'] }),
      readFile(kAxePath, 'utf8'),
    ]);
    browser = await LaunchChromium(kStartupMs);
    // The demo gives the commune officer no role on the district's portal, and sending a record to the column
    // needs one (the page says so and asks the board for it): the district site's board grants the officer
    // the contributor role on the "Thông tin tuyên vận" column, as it would on request.
    await InContext(kDesktop, async (page) => {
      await SignIn(page, kBoard);
      await Follow(page, page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tin bài', exact: true }),
        /^\/quan-tri\/trang$/);
      await Follow(page, page.getByRole('heading', { name: kDistrictSite, exact: true }).getByRole('link'), /^\/quan-tri\/trang\/\d+$/);
      const roles = page.locator('section#vai-tro');
      const granted = roles.getByRole('row').filter({ hasText: kCommuneOfficer.login }).filter({ hasText: kColumn });
      if (await granted.count() > 0) return;  // the demo already made them one
      await roles.getByLabel('Tên đăng nhập', { exact: true }).fill(kCommuneOfficer.login);
      await roles.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Cộng tác viên' });
      await roles.getByLabel('Phạm vi', { exact: true }).selectOption({ label: `Chuyên mục ${kColumn}` });
      await Follow(page, roles.getByRole('button', { name: 'Giao vai trò', exact: true }),
        (u) => /^\/quan-tri\/trang\/\d+$/.test(u.pathname) && u.searchParams.get('da') === 'giao-vai-tro');
      await granted.first().waitFor();
    });
  }, { timeout: 120_000 });

  after(async () => {
    await browser?.close().catch(() => {});
    await server.stop();
  }, { timeout: 30_000 });

  test('on a phone, a commune officer registers next month\'s conference and changes its date with a reason',
    { timeout: kTestMs }, () => InContext(kPhone, async (page) => {
      await SignIn(page, kCommuneOfficer);
      await Follow(page, page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tuyên vận', exact: true }),
        /^\/quan-tri\/tuyen-van$/);
      await Follow(page, page.getByRole('navigation', { name: 'Các việc của công tác tuyên vận' }).getByRole('link', { name: /^Lịch hội nghị tuyên vận/ }),
        /^\/quan-tri\/tuyen-van\/lich$/);
      await ExpectHeading(page, 'Lịch hội nghị tuyên vận');
      await page.goto('/quan-tri/tuyen-van/lich?xem=danh-sach');

      // Next month is open: the list says so and offers the registration.
      await Follow(page, page.getByRole('link', { name: 'Tháng sau →' }),
        (u) => u.pathname === '/quan-tri/tuyen-van/lich' && u.searchParams.has('thang'));
      const month = new URL(page.url()).searchParams.get('thang');
      assert.match(month, /^\d{4}-\d{2}$/);
      const line = page.locator('table.data-table tbody tr').filter({ hasText: kCommune });
      assert.equal(await Text(line.locator('.badge').first()), 'Chưa đăng ký');
      await Follow(page, line.getByRole('link', { name: 'Đăng ký', exact: true }), /^\/quan-tri\/tuyen-van\/hoi-nghi\/moi$/);
      await ExpectHeading(page, 'Đăng ký hội nghị tuyên vận');
      await CheckAccessible(page, 'registration form');

      assert.equal(await page.getByLabel('Tháng (yyyy-mm)').inputValue(), month);
      assert.equal(await page.getByLabel('Đơn vị').locator('option:checked').textContent(), kCommune);
      const date = `10/${MonthLabel(month)}`;
      const new_date = `12/${MonthLabel(month)}`;
      await page.getByLabel('Ngày tổ chức (dd/mm/yyyy)').fill(date);
      await page.getByLabel('Giờ bắt đầu (hh:mm)').fill('07:30');
      await page.getByLabel('Địa điểm').fill(kVenue);
      await page.getByLabel('Người chủ trì').fill(kChair);
      const planned = page.getByRole('group', { name: 'Chuyên đề dự kiến và báo cáo viên' });
      await planned.getByLabel('Chuyên đề', { exact: true }).first().fill(kPlannedTopic);
      await planned.getByLabel('Báo cáo viên', { exact: true }).first().fill(kPlannedSpeaker);
      await Follow(page, page.getByRole('button', { name: 'Đăng ký', exact: true }), Saved('dang-ky'));

      await ExpectNotice(page, 'Đã đăng ký hội nghị.');
      await ExpectHeading(page, `Hội nghị tuyên vận tháng ${MonthLabel(month)} · ${kCommune}`);
      assert.equal(await Text(StatusBadge(page)), 'Đã đăng ký');
      const schedule = page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Lịch', exact: true }) });
      assert.equal(await Text(schedule.locator('dt:text-is("Ngày giờ") + dd')), `07:30 ngày ${date}`);
      assert.equal(await Text(schedule.locator('dt:text-is("Địa điểm") + dd')), kVenue);
      assert.equal(await Text(schedule.locator('dt:text-is("Chủ trì") + dd')), kChair);
      await schedule.getByRole('listitem').filter({ hasText: `${kPlannedTopic} — ${kPlannedSpeaker}` }).waitFor();

      // The change, before the original date, with its reason: the history shows the old and the new date.
      const change = page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Điều chỉnh lịch', exact: true }) });
      await change.getByLabel('Ngày mới (dd/mm/yyyy)').fill(new_date);
      await change.getByLabel('Lý do điều chỉnh').fill(kChangeReason);
      await Follow(page, change.getByRole('button', { name: 'Ghi điều chỉnh', exact: true }), Saved('doi-lich'));
      await ExpectNotice(page, 'Đã ghi điều chỉnh lịch.');
      assert.equal(await Text(StatusBadge(page)), 'Đã điều chỉnh lịch (có báo trước)');
      assert.equal(await Text(schedule.locator('dt:text-is("Ngày giờ") + dd')), `07:30 ngày ${new_date}`);
      const history = page.getByRole('table', { name: 'Các lần điều chỉnh, cũ nhất trước' });
      const rows = history.locator('tbody tr');
      assert.equal(await rows.count(), 1);
      const cells = (await rows.first().locator('td').allTextContents()).map((t) => t.trim());
      assert.equal(cells[1], kCommuneOfficer.login);
      assert.equal(cells[2], `${date} 07:30, ${kVenue}`);
      assert.equal(cells[3], `${new_date} 07:30, ${kVenue}`);
      assert.equal(cells[4], kChangeReason);

      // The calendar's month now shows the conference on its new day.
      await Follow(page, page.getByRole('link', { name: `← Lịch hội nghị tháng ${MonthLabel(month)}` }), /^\/quan-tri\/tuyen-van\/lich$/);
      const day = page.locator('table.calendar-month td').filter({ has: page.locator(`strong[title="${new_date}"]`) });
      await day.getByRole('link', { name: kCommune }).waitFor();
      await day.locator('.badge').filter({ hasText: 'Đã điều chỉnh lịch (có báo trước)' }).waitFor();
    }));

  test('on a phone, the commune officer records a held conference with a photo and sends a draft to the column',
    { timeout: kTestMs }, () => InContext(kPhone, async (page) => {
      await SignIn(page, kCommuneOfficer);
      // The commune's year shows which held conference still lacks its record; the latest one is recorded.
      await page.goto('/quan-tri/tuyen-van/giam-sat');
      await Follow(page, page.locator('li.card').filter({ has: page.getByRole('heading', { name: kCommune }) })
        .getByRole('link', { name: 'Cả năm' }), /^\/quan-tri\/tuyen-van\/giam-sat\/nam\/\d+$/);
      let missing = page.locator('td.sv-status-held_without_record a');
      if (await missing.count() === 0) {
        // Early in a year the conferences without a record are in the previous one.
        await Follow(page, page.getByRole('link', { name: /^← Năm \d{4}$/ }), (u) => u.searchParams.has('nam'));
        missing = page.locator('td.sv-status-held_without_record a');
      }
      assert.ok(await missing.count() > 0, 'the demo has a held conference of A Mú Sung without a record');
      const cell = missing.last();
      const cell_title = await cell.locator('xpath=..').getAttribute('title');
      const found = /^(\d{2})\/(\d{4}): Đã đến hạn, chưa có biên bản$/.exec(cell_title);
      assert.ok(found, `the cell's title: ${cell_title}`);
      flow.record_month = `${found[2]}-${found[1]}`;
      flow.record_month_label = `${found[1]}/${found[2]}`;

      await Follow(page, cell, /^\/quan-tri\/tuyen-van\/hoi-nghi\/\d+$/);
      await ExpectHeading(page, `Hội nghị tuyên vận tháng ${flow.record_month_label} · ${kCommune}`);
      assert.equal(await Text(StatusBadge(page)), 'Đã đến hạn, chưa có biên bản');
      const scheduled = /ngày (\d{2}\/\d{2}\/\d{4})$/.exec(await Text(page.locator('dt:text-is("Ngày giờ") + dd')))[1];
      await Follow(page, page.getByRole('link', { name: 'Nhập biên bản hội nghị' }), /^\/quan-tri\/tuyen-van\/hoi-nghi\/\d+\/bien-ban$/);
      await ExpectHeading(page, `Biên bản hội nghị tuyên vận tháng ${flow.record_month_label} · ${kCommune}`);
      await CheckAccessible(page, 'record form');

      // The form starts from the registration: its date and its planned topics.
      assert.equal(await page.getByLabel('Ngày tổ chức (dd/mm/yyyy)').inputValue(), scheduled);
      const participants = page.getByRole('group', { name: 'Thành phần tham dự (số người)' });
      await participants.getByLabel('Cán bộ', { exact: true }).fill('7');
      await participants.getByLabel('Đảng viên', { exact: true }).fill('23');
      await participants.getByLabel('Thành viên ban, tổ tuyên vận', { exact: true }).fill('9');
      await participants.getByLabel('Nhân dân', { exact: true }).fill('86');
      const presented = page.getByRole('group', { name: 'Chuyên đề đã trình bày và báo cáo viên' });
      const topics = presented.getByLabel('Chuyên đề', { exact: true });
      const values = await topics.evaluateAll((inputs) => inputs.map((i) => i.value));
      const planned = values.filter((v) => v !== '');
      assert.ok(planned.length > 0, 'the planned topics are filled in');
      const free = values.indexOf('');
      assert.ok(free >= 0, 'a blank topic line');
      await topics.nth(free).fill(kTopic);
      await presented.getByLabel('Báo cáo viên', { exact: true }).nth(free).fill(kSpeaker);
      await page.getByLabel('Tài liệu phát ra').fill(`Tờ gấp hướng dẫn thanh toán trực tuyến (${kRun})`);
      const opinions = page.getByRole('group', { name: 'Ý kiến của người dân và người theo dõi' });
      await opinions.getByLabel('Ý kiến', { exact: true }).first().fill(kOpinion);
      await opinions.getByLabel('Theo dõi, giải quyết', { exact: true }).first().fill(kFollowUp);
      await Follow(page, page.getByRole('button', { name: 'Lưu biên bản', exact: true }), Saved('bien-ban'));

      await ExpectNotice(page, 'Đã lưu biên bản hội nghị.');
      assert.equal(await Text(StatusBadge(page)), 'Tổ chức đúng lịch');
      const record = page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Biên bản', exact: true }) });
      assert.equal(await Text(record.locator('dt:text-is("Ngày tổ chức") + dd')), scheduled);
      assert.equal(await Text(record.locator('dt:text-is("Tham dự") + dd')),
        '125 người: 7 cán bộ, 23 đảng viên, 9 thành viên ban, tổ tuyên vận, 86 người dân');
      await record.getByRole('listitem').filter({ hasText: `${kTopic} — ${kSpeaker}` }).waitFor();
      assert.equal(await record.getByRole('listitem').count(), planned.length + 1);
      const opinion = record.getByRole('table', { name: 'Ý kiến, kiến nghị và người theo dõi' }).locator('tbody tr');
      assert.deepEqual((await opinion.first().locator('td').allTextContents()).map((t) => t.trim()), [kOpinion, kFollowUp]);

      // The photo: a real JPEG, its caption as the alternative text.
      const upload = page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Thêm ảnh', exact: true }) });
      await upload.getByLabel('Ảnh (JPEG, PNG, WebP)').setInputFiles({
        name: 'hoi-nghi-a-mu-sung.jpg', mimeType: 'image/jpeg', buffer: await Jpeg(page, 320, 240),
      });
      await upload.getByLabel('Chú thích').fill(kCaption);
      await Follow(page, upload.getByRole('button', { name: 'Tải ảnh lên', exact: true }), Saved('anh'));
      await ExpectNotice(page, 'Đã thêm ảnh.');
      const photo = page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Ảnh', exact: true }) })
        .getByRole('img', { name: kCaption, exact: true });
      await photo.scrollIntoViewIfNeeded();
      await page.waitForFunction((alt) => {
        const img = [...document.querySelectorAll('main figure img')].find((i) => i.alt === alt);
        return img && img.complete && img.naturalWidth > 0;
      }, kCaption);

      // To the column: a draft in the district portal, with the record's photo.
      await Follow(page, page.getByRole('button', { name: `Gửi bài vào chuyên mục “${kColumn}”` }), Saved('gui-bai'));
      await ExpectNotice(page, `Đã tạo bản nháp trong chuyên mục “${kColumn}”.`);
      const sent = page.locator('main p').filter({ hasText: /Đã tạo bản nháp tin bài số \d+/ });
      const item_id = /số (\d+)/.exec(await sent.textContent())[1];
      assert.equal(await page.getByRole('button', { name: `Gửi bài vào chuyên mục “${kColumn}”` }).count(), 0,
        'the record is sent once');

      const title = new RegExp(`A Mú Sung.* tổ chức hội nghị tuyên vận tháng ${flow.record_month_label.replace('/', '\\/')}$`);
      await Follow(page, sent.getByRole('link', { name: 'mở bản nháp' }), new RegExp(`^/quan-tri/bai-viet/${item_id}$`));
      await ExpectHeading(page, title);
      await page.locator('.item-meta .badge').filter({ hasText: 'Nháp' }).waitFor();
      const item = await (await page.request.get(`/api/v1/items/${item_id}`)).json();
      const stored = item.item ?? item;
      assert.equal(stored.status, 'draft');
      assert.match(stored.title, title);
      assert.ok(stored.featured_media_id, `the draft has the record's photo: ${JSON.stringify(stored).slice(0, 400)}`);
      const picture = page.locator('main').getByRole('img', { name: kCaption, exact: true }).first();
      await picture.waitFor();
      await page.waitForFunction((alt) => {
        const img = [...document.querySelectorAll('main img')].find((i) => i.alt === alt);
        return img && img.complete && img.naturalWidth > 0;
      }, kCaption);

      // Signing out ends the session.
      await Follow(page, page.getByRole('button', { name: 'Đăng xuất', exact: true }), /^\/dang-nhap$/);
      const response = await page.goto('/quan-tri/tuyen-van/lich');
      assert.equal(new URL(page.url()).pathname, '/dang-nhap', `after signing out: ${response.status()} ${page.url()}`);
    }));

  test('the district officer sees the record on the month\'s board and sends a reminder to another commune',
    { timeout: kTestMs }, () => {
      assert.ok(flow.record_month, 'the commune officer\'s step must have recorded a conference');
      return InContext(kDesktop, async (page) => {
        await SignIn(page, kDistrictOfficer);
        await Follow(page, page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tuyên vận', exact: true }),
          /^\/quan-tri\/tuyen-van$/);
        await Follow(page, page.getByRole('navigation', { name: 'Các việc của công tác tuyên vận' }).getByRole('link', { name: /^Giám sát hội nghị/ }), /^\/quan-tri\/tuyen-van\/giam-sat$/);
        await Follow(page, page.locator('li.card').filter({ has: page.getByRole('heading', { name: kDistrict, exact: true }) })
          .getByRole('link', { name: 'Bảng giám sát tháng' }), /^\/quan-tri\/tuyen-van\/giam-sat\/bang\/\d+$/);
        await page.getByLabel('Tháng', { exact: true }).fill(flow.record_month);
        await Promise.all([
          page.waitForURL((u) => u.searchParams.get('thang') === flow.record_month),
          page.getByRole('button', { name: 'Lọc', exact: true }).click(),
        ]);
        await ExpectHeading(page, `Bảng giám sát tháng ${flow.record_month_label} · ${kDistrict}`);
        flow.board_url = page.url();

        const board = page.getByRole('table', { name: `Trạng thái hội nghị tuyên vận tháng ${flow.record_month_label} của từng xã` });
        const Line = (name) => board.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
        const ours = Line(kCommune);
        assert.equal(await Text(ours.locator('td .badge').first()), 'Tổ chức đúng lịch');
        assert.equal(await ours.getByText('Thiếu biên bản').count(), 0);
        // The record came after its deadline (that is why the month lacked one), and the board says so.
        await ours.getByText('Nộp biên bản muộn').waitFor();

        // Another commune, preferably one whose record is missing; how many reminders it had before.
        const names = await board.getByRole('rowheader').allTextContents();
        const others = names.map((n) => n.trim()).filter((n) => n !== kCommune);
        assert.ok(others.length > 0, 'the district has other communes');
        let other = others[0];
        for (const name of others) {
          if (await Line(name).locator('.sv-status-held_without_record').count() > 0) {
            other = name;
            break;
          }
        }
        const Reminded = async () => {
          const m = /Đã nhắc (\d+) lần/.exec(await Text(Line(other)));
          return m ? Number(m[1]) : 0;
        };
        const before = await Reminded();

        await Follow(page, Line(other).getByRole('link', { name: `Gửi nhắc ${other}`, exact: true }),
          /^\/quan-tri\/tuyen-van\/giam-sat\/don-vi\/\d+$/);
        await ExpectHeading(page, `Nhắc việc, nhắc nhở, phê bình · ${other}`);
        const form = page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Gửi lời nhắc', exact: true }) });
        assert.equal(await form.getByLabel('Tháng hội nghị').inputValue(), flow.record_month);
        await form.getByLabel('Nội dung nhắc').fill(kReminder);
        await Follow(page, form.getByRole('button', { name: 'Gửi lời nhắc', exact: true }),
          (u) => /^\/quan-tri\/tuyen-van\/giam-sat\/don-vi\/\d+$/.test(u.pathname) && u.searchParams.has('da-nhac'));
        await ExpectNotice(page, 'Đã gửi lời nhắc.');
        const sent = page.getByRole('table', { name: 'Các lời nhắc, mới nhất trước' }).locator('tbody tr').first();
        const cells = (await sent.locator('td').allTextContents()).map((t) => t.trim());
        assert.equal(cells[1], flow.record_month_label);
        assert.equal(cells[2], kReminder);
        assert.equal(cells[3], kDistrictOfficer.login);

        // Back on the board, the reminder is counted on that commune's line.
        await page.goto(flow.board_url);
        assert.equal(await Reminded(), before + 1, `${other}: reminders on the board: ${await Text(Line(other))}`);
        assert.equal(await Text(Line(kCommune).locator('td .badge').first()), 'Tổ chức đúng lịch');

        // The board at a phone's width.
        await page.setViewportSize(kPhone.viewport);
        await CheckAccessible(page, 'supervision board');
      });
    });
});
