// Browser tests of the unit tree, run against a real `tuyenvan serve` on demo data
// with the system Chromium (playwright-core never downloads a browser).
//
//   TUYENVAN_BIN  server binary (default ../../build/release/tuyenvan from this file)
//   CHROMIUM      browser binary (default /usr/bin/chromium)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { access, constants, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

const kBin = process.env.TUYENVAN_BIN
  ? path.resolve(process.env.TUYENVAN_BIN)
  : fileURLToPath(new URL('../../build/release/tuyenvan', import.meta.url));
const kChromium = process.env.CHROMIUM || '/usr/bin/chromium';
const kChromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const kStartupMs = 30_000;
const kStepMs = 10_000;
const kTestMs = 90_000;

const kPhone = { width: 360, height: 740 };
const kDesktop = { width: 1280, height: 800 };

const kAdmin = { login: 'admin', password: 'quantri-laocai-2026' };
const kCommuneOfficer = { login: 'xa.amusung', password: 'canbo-amusung-2026' };

let data_dir;
let server;
let server_log = [];
let server_exit = null;
let base_url;
let browser;

/// Runs `tuyenvan demo`, then `tuyenvan serve` on an ephemeral port; resolves to the base URL
/// once the server prints "listening on http://127.0.0.1:PORT".
async function StartServer() {
  await access(kBin, constants.X_OK).catch(() => {
    throw new Error(`server binary not found or not executable: ${kBin} (build it, or set TUYENVAN_BIN)`);
  });
  data_dir = await mkdtemp(path.join(tmpdir(), 'tuyenvan-e2e-'));
  await promisify(execFile)(kBin, ['demo', '--data', data_dir], { timeout: 60_000 }).catch((e) => {
    throw new Error(`tuyenvan demo failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  });

  server = spawn(kBin, ['serve', '--data', data_dir, '--listen', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not report its port within ${kStartupMs} ms:\n${server_log.join('\n')}`)),
      kStartupMs);
    const on_data = (chunk) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        server_log.push(line);
        // Keep only the tail: enough to explain a failure, bounded for a long run.
        if (server_log.length > 200) server_log = server_log.slice(-100);
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${m[1]}`);
        }
      }
    };
    server.stdout.on('data', on_data);
    server.stderr.on('data', on_data);
    server.once('error', (e) => { clearTimeout(timer); reject(e); });
    server.once('exit', (code, signal) => {
      clearTimeout(timer);
      server_exit = `code ${code}, signal ${signal}`;
      reject(new Error(`server exited early (${server_exit}):\n${server_log.join('\n')}`));
    });
  });
}

async function StopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

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
    if (server_exit) {
      e.message = `the server died during the test (${server_exit}); its last output:\n` +
        `${server_log.slice(-30).join('\n')}\n--- test error ---\n${e.message}`;
    }
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
    base_url = await StartServer();
    browser = await chromium.launch({ executablePath: kChromium, args: kChromiumArgs, timeout: kStartupMs });
  }, { timeout: 120_000 });

  after(async () => {
    await browser?.close().catch(() => {});
    await StopServer();
    if (data_dir) await rm(data_dir, { recursive: true, force: true });
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
