// Browser tests of the unit tree, run against a real `tuyenvan serve` on demo data
// with the system Chromium (playwright-core never downloads a browser).
//
//   TUYENVAN_BIN  server binary (default ../../build/release/tuyenvan from this file)
//   CHROMIUM      browser binary (default /usr/bin/chromium)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DemoServer, LaunchChromium } from './server.mjs';

const kStartupMs = 30_000;
const kStepMs = 10_000;
const kTestMs = 90_000;

const kPhone = { width: 360, height: 740 };
const kDesktop = { width: 1280, height: 800 };

const kAdmin = { login: 'admin', password: 'quantri-laocai-2026' };
const kCommuneOfficer = { login: 'xa.amusung', password: 'canbo-amusung-2026' };

const server = new DemoServer();
let base_url;
let browser;

/// Runs `body(page)` in a fresh browser context (no cookies), then checks that no page
/// hit a server error, a broken asset or a script error. A failure caused by the server dying
/// carries the server's last output.
async function InPage(viewport, body) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', baseURL: base_url });
  context.setDefaultTimeout(kStepMs);
  context.setDefaultNavigationTimeout(kStepMs);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('response', (r) => {
    const req = r.request();
    const url = new URL(r.url());
    if (r.status() >= 500) problems.push(`${r.status()} ${req.method()} ${url.pathname}${url.search}`);
    else if (r.status() >= 400 && req.resourceType() !== 'document' && url.pathname !== '/favicon.ico') {
      problems.push(`${r.status()} for asset ${url.pathname}`);
    }
  });
  try {
    await body(page);
    assert.deepEqual(problems, [], 'server errors or broken assets while browsing');
  } catch (e) {
    server.explain(e);
    throw e;
  } finally {
    await context.close();
  }
}

function Pathname(page) {
  return new URL(page.url()).pathname;
}

async function ExpectHeading(page, text) {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor({ state: 'visible' });
}

/// The page fits the viewport: nothing forces sideways scrolling of the whole page.
async function ExpectNoHorizontalOverflow(page, where) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  assert.ok(scroll <= width, `${where}: page is ${scroll}px wide in a ${width}px viewport`);
}

function MainNav(page) {
  return page.getByRole('navigation', { name: 'Điều hướng chính' });
}

function SignInLink(page) {
  return page.locator('header.site-header, header.portal-header').getByRole('link', { name: 'Đăng nhập', exact: true });
}

async function SignIn(page, account) {
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(account.login);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(account.password);
  await page.locator('main form[action="/dang-nhap"]')
    .getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

async function GoToUnits(page) {
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/quan-tri/don-vi'),
    MainNav(page).getByRole('link', { name: 'Đơn vị', exact: true }).click(),
  ]);
  await ExpectHeading(page, 'Đơn vị');
}

async function SearchUnits(page, query) {
  const filters = page.locator('main form.filters');
  await filters.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(query);
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/quan-tri/don-vi' && u.searchParams.get('q') === query),
    filters.getByRole('button', { name: 'Tìm', exact: true }).click(),
  ]);
  await ExpectHeading(page, 'Đơn vị');
}

function ResultLink(page, name) {
  return page.locator('main table.data-table tbody').getByRole('link', { name, exact: true });
}

function AdminFlow(viewport) {
  return InPage(viewport, async (page) => {
    const narrow = viewport.width < 600;
    await page.goto('/');
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');

    // The skip link is the first stop of the keyboard and becomes visible when focused.
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    assert.ok(await skip.evaluate((a) => a === document.activeElement), 'first Tab should focus the skip link');
    const box = await skip.boundingBox();
    assert.ok(box && box.y >= 0 && box.height > 0, `focused skip link should be on screen, got ${JSON.stringify(box)}`);

    await Promise.all([page.waitForURL((u) => u.pathname === '/dang-nhap'), SignInLink(page).click()]);
    await ExpectHeading(page, 'Đăng nhập');
    if (narrow) await ExpectNoHorizontalOverflow(page, '/dang-nhap');

    await Promise.all([page.waitForURL((u) => u.pathname === '/quan-tri'), SignIn(page, kAdmin)]);
    await ExpectHeading(page, 'Tổng quan');
    await MainNav(page).getByRole('link', { name: 'Tài khoản', exact: true }).waitFor();
    if (narrow) await ExpectNoHorizontalOverflow(page, '/quan-tri');

    await GoToUnits(page);
    await SearchUnits(page, 'bat xat');
    await ResultLink(page, 'Huyện Bát Xát').waitFor();
    await ResultLink(page, 'Thị trấn Bát Xát').waitFor();
    assert.equal(await ResultLink(page, 'Huyện Bảo Thắng').count(), 0, 'search "bat xat" must not list Huyện Bảo Thắng');
    assert.match(await page.locator('main p.result-count').innerText(), /Tìm thấy \d+ đơn vị/);
    if (narrow) await ExpectNoHorizontalOverflow(page, '/quan-tri/don-vi?q=bat+xat');

    await Promise.all([
      page.waitForURL((u) => /^\/quan-tri\/don-vi\/[^/]+$/.test(u.pathname)),
      ResultLink(page, 'Huyện Bát Xát').click(),
    ]);
    await page.locator('main').getByText('Huyện Bát Xát').first().waitFor();
    await page.locator('main').getByText('Xã A Mú Sung', { exact: true }).first().waitFor();
    if (narrow) await ExpectNoHorizontalOverflow(page, Pathname(page));

    await page.locator('form.sign-out').getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await SignInLink(page).waitFor();
    assert.equal(await page.locator('form.sign-out').count(), 0, 'sign-out form should be gone after signing out');

    const response = await page.goto('/quan-tri/don-vi');
    assert.equal(Pathname(page), '/dang-nhap', 'the unit list must redirect to sign-in once signed out');
    assert.ok(response.request().redirectedFrom(), 'expected an HTTP redirect to /dang-nhap');
    await ExpectHeading(page, 'Đăng nhập');
  });
}

describe('unit tree', () => {
  before(async () => {
    base_url = await server.start({ demo: [], serve: [] });
    browser = await LaunchChromium(kStartupMs);
  }, { timeout: 120_000 });

  after(async () => {
    await browser?.close().catch(() => {});
    await server.stop();
  }, { timeout: 30_000 });

  test('administrator searches units, opens a district and signs out (phone 360×740)',
    { timeout: kTestMs }, () => AdminFlow(kPhone));

  test('administrator searches units, opens a district and signs out (desktop 1280×800)',
    { timeout: kTestMs }, () => AdminFlow(kDesktop));

  test('a wrong password shows an error and keeps the visitor signed out', { timeout: kTestMs }, () =>
    InPage(kDesktop, async (page) => {
      await page.goto('/dang-nhap');
      await SignIn(page, { login: kAdmin.login, password: 'sai-mat-khau' });
      const alert = page.locator('main .alert.error');
      await alert.waitFor();
      assert.equal(await alert.getAttribute('role'), 'alert');
      assert.match(await alert.innerText(), /không đúng/);
      assert.equal(Pathname(page), '/dang-nhap');
      await ExpectHeading(page, 'Đăng nhập');
      await SignInLink(page).waitFor();
    }));

  test('a commune officer only finds units of their own commune (phone 360×740)', { timeout: kTestMs }, () =>
    InPage(kPhone, async (page) => {
      await page.goto('/dang-nhap');
      await Promise.all([page.waitForURL((u) => u.pathname === '/quan-tri'), SignIn(page, kCommuneOfficer)]);
      await ExpectHeading(page, 'Tổng quan');
      assert.equal(await MainNav(page).getByRole('link', { name: 'Tài khoản', exact: true }).count(), 0,
        'only administrators see "Tài khoản"');

      await GoToUnits(page);
      await SearchUnits(page, 'bat xat');
      assert.equal(await ResultLink(page, 'Huyện Bát Xát').count(), 0, 'the district is outside the officer\'s scope');
      assert.equal(await ResultLink(page, 'Thị trấn Bát Xát').count(), 0, 'a sibling commune is outside the scope');
      const count = page.locator('main p.result-count');
      if (await count.count() > 0) {
        assert.match(await count.innerText(), /\b0\b|Không/, 'result count should say nothing was found');
      }

      await SearchUnits(page, 'a mu sung');
      await ResultLink(page, 'Xã A Mú Sung').waitFor();
      await ExpectNoHorizontalOverflow(page, '/quan-tri/don-vi?q=a+mu+sung');
    }));
});
