// The outreach logbook on a phone that loses its connection, in the system Chromium against a real
// `tuyenvan serve` on demo data: the draft survives a reload, an entry submitted offline waits on the device
// (also across a reload), and once online it is sent once and only once. The logbook pages have no serious or
// critical axe-core violation at 360 px and do not scroll sideways.
//
//   TUYENVAN_BIN  server binary (default ../../build/release/tuyenvan from this file)
//   CHROMIUM      browser binary (default /usr/bin/chromium)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { DemoServer, LaunchChromium, SignIn } from './server.mjs';

const kAxePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const kStartupMs = 30_000;
const kStepMs = 10_000;
const kTestMs = 90_000;
const kPhone = { width: 360, height: 740 };
const kOfficer = { login: 'xa.amusung', password: 'canbo-amusung-2026' };

const server = new DemoServer();
let base_url;
let browser;

/// The entries of a body with this topic, as the server has them.
async function EntriesWithTopic(page, body_id, topic) {
  const response = await page.request.get(`/api/v1/outreach/bodies/${body_id}/logbook?per_page=200`);
  assert.equal(response.status(), 200);
  return (await response.json()).items.filter((item) => item.topic === topic);
}

/// Serious or critical axe-core violations of the page. The CSP forbids inline script, so axe's source is
/// evaluated through DevTools, which the CSP does not govern.
async function GraveViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(await readFile(kAxePath, 'utf8'));
  }
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/// The A Mú Sung commune and one of its teams, as the signed-in page's API sees them.
async function CommuneAndTeam(page) {
  const units = await (await page.request.get('/api/v1/units?per_page=200&q=02686')).json();
  const commune = units.items.find((unit) => unit.code === '02686');
  const outreach = await (await page.request.get(`/api/v1/outreach/units/${commune.id}`)).json();
  return { commune, team: outreach.villages.find((village) => village.team).team };
}

function Queue(page) {
  return page.locator('[data-logbook-queue]');
}

describe('sổ nhật ký ngoại tuyến', () => {
  before(async () => {
    base_url = await server.start({ demo: ['--items', '120', '--pictures', '3'] });
    browser = await LaunchChromium();
  }, { timeout: 120_000 });

  after(async () => {
    await browser?.close();
    await server.stop();
  });

  test('một mục gửi khi mất mạng chờ trên máy và được gửi đúng một lần khi có mạng', { timeout: kTestMs }, async () => {
    const context = await browser.newContext({ viewport: kPhone, locale: 'vi-VN', baseURL: base_url });
    context.setDefaultTimeout(kStepMs);
    context.setDefaultNavigationTimeout(kStepMs);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 500) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    try {
      await SignIn(page, kOfficer);
      const { team } = await CommuneAndTeam(page);

      // The navigation leads to the logbooks; the form fits a 360-px screen.
      await page.goto(`/quan-tri/tuyen-van/ban/${team.id}/nhat-ky/moi`);
      await page.getByRole('heading', { level: 1, name: `Ghi nhật ký · ${team.name}` }).waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= kPhone.width, `the form is ${width}px wide on a ${kPhone.width}px screen`);
      const key = await page.locator('input[name="client_key"]').inputValue();
      assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

      // The draft is kept as the person types and comes back after a reload.
      const topic = `Vận động bà con phòng, chống cháy rừng ${Date.now()}`;
      await page.getByLabel('Đến từng hộ gia đình').check();
      await page.getByLabel('Nội dung, chủ đề').fill(topic);
      await page.getByLabel('Số hộ').fill('9');
      await page.getByLabel('Số người').fill('27');
      await page.getByLabel('Ý kiến, kiến nghị của nhân dân').fill('Bà con đề nghị sửa đường.');
      await page.reload();
      await assert.doesNotReject(Queue(page).getByText('Đã khôi phục bản nháp chưa gửi.').waitFor());
      assert.equal(await page.getByLabel('Nội dung, chủ đề').inputValue(), topic);
      assert.equal(await page.getByLabel('Số người').inputValue(), '27');
      assert.ok(await page.getByLabel('Đến từng hộ gia đình').isChecked());
      assert.equal(await page.locator('input[name="client_key"]').inputValue(), key);

      // Offline: the entry waits on the device and the form is ready for the next one.
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Lưu nhật ký' }).click();
      await Queue(page).getByText('Chưa có mạng: mục nhật ký đã được giữ trên máy').waitFor();
      await Queue(page).locator('li', { hasText: topic }).getByText('chờ gửi').waitFor();
      assert.equal(await page.getByLabel('Nội dung, chủ đề').inputValue(), '');
      assert.notEqual(await page.locator('input[name="client_key"]').inputValue(), key);
      assert.equal((await EntriesWithTopic(page, team.id, topic)).length, 0);

      // Back online but the server still out of reach: after a reload the entry is still waiting.
      await page.route('**/api/v1/outreach/bodies/*/logbook', (route) => route.abort('internetdisconnected'));
      await context.setOffline(false);
      await page.reload();
      await Queue(page).locator('li', { hasText: topic }).waitFor();
      await Queue(page).getByText('Chưa gửi được; sẽ thử lại khi có mạng.').waitFor();
      assert.equal((await EntriesWithTopic(page, team.id, topic)).length, 0);

      // The connection comes back: the entry goes out, and a second send of the same key writes nothing.
      await page.unroute('**/api/v1/outreach/bodies/*/logbook');
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await Queue(page).getByText('Đã gửi 1 mục nhật ký.').waitFor();
      assert.equal(await Queue(page).locator('li').count(), 0);
      const resend = await page.evaluate(async ([url, body]) => {
        const token = document.querySelector('input[name="csrf_token"]').value;
        const sends = [0, 1].map(() => fetch(url, {
          method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
          body: JSON.stringify(body),
        }).then((r) => r.status));
        return Promise.all(sends);
      }, [`/api/v1/outreach/bodies/${team.id}/logbook`, { client_key: key, date: '2000-01-01', form: 'online',
                                                          topic: 'gửi lại', written_by: 'x' }]);
      assert.deepEqual(resend, [201, 201]);
      await page.reload();
      assert.equal(await Queue(page).locator('li').count(), 0);
      const stored = await EntriesWithTopic(page, team.id, topic);
      assert.equal(stored.length, 1, 'the entry is stored once and only once');
      assert.equal(stored[0].client_key, key);
      assert.equal(stored[0].form, 'home_visit');
      assert.equal(stored[0].people, 27);
      assert.deepEqual(problems, []);
    } catch (e) {
      server.explain(e);
      throw e;
    } finally {
      await context.close();
    }
  });

  test('các trang sổ nhật ký dễ tiếp cận và vừa màn hình 360 px', { timeout: kTestMs }, async () => {
    const context = await browser.newContext({ viewport: kPhone, locale: 'vi-VN', baseURL: base_url });
    context.setDefaultTimeout(kStepMs);
    const page = await context.newPage();
    try {
      await SignIn(page, kOfficer);
      const { commune, team } = await CommuneAndTeam(page);
      const first = await (await page.request.get(`/api/v1/outreach/bodies/${team.id}/logbook?per_page=1`)).json();
      for (const address of ['/quan-tri/tuyen-van/so-nhat-ky', `/quan-tri/tuyen-van/ban/${team.id}/nhat-ky`,
                             `/quan-tri/tuyen-van/ban/${team.id}/nhat-ky/moi`,
                             `/quan-tri/tuyen-van/don-vi/${commune.id}/nhat-ky`,
                             `/quan-tri/tuyen-van/nhat-ky/${first.items[0].id}`]) {
        const response = await page.goto(address);
        assert.equal(response.status(), 200, `GET ${address}`);
        assert.deepEqual(await GraveViolations(page), [], `${address}: serious or critical axe violations`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= kPhone.width, `${address} is ${width}px wide on a ${kPhone.width}px screen`);
        assert.equal(await page.locator('h1').count(), 1, `${address}: one <h1>`);
      }
    } finally {
      await context.close();
    }
  });
});
