// Accessibility of the public pages and the newsroom's draft form, checked in Chromium against a
// real `tuyenvan serve` on demo data, on a phone (360 px) and a desktop (1280 px):
//   - axe-core finds no violation of impact "serious" or "critical" (lesser ones are printed);
//   - every <img> has an alt attribute and the page has exactly one <h1>;
//   - at 360 px nothing makes the page scroll sideways;
//   - the first Tab reaches the skip link, and following it moves focus into #noi-dung.
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
const kStepMs = 15_000;
const kTestMs = 90_000;
const kPhone = { width: 360, height: 740 };
const kDesktop = { width: 1280, height: 800 };

const kContributor = { login: 'ctv.tinh', password: 'congtac-laocai-2026' };
const kProvinceSite = 'Trang thông tin điện tử Tỉnh ủy Lào Cai';
const kSearch = 'tuyen van';

const server = new DemoServer();
let base_url;
let browser;
let axe_source;

// Addresses found once on the demo data (in `before`).
const pages = { section: null, item: null, search: `/tim-kiem?q=${encodeURIComponent(kSearch)}`, draft: null };

// ------------------------------------------------------------------------------------------------
// Server and browser

/// Runs `body(page)` in a fresh context; fails on script errors, server errors and broken assets.
async function InContext(viewport, body) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', baseURL: base_url });
  context.setDefaultTimeout(kStepMs);
  context.setDefaultNavigationTimeout(kStepMs);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (r.status() >= 500) problems.push(`${r.status()} ${r.request().method()} ${url.pathname}${url.search}`);
    else if (r.status() >= 400 && r.request().resourceType() !== 'document') problems.push(`${r.status()} for asset ${url.pathname}`);
  });
  try {
    await body(page);
    assert.deepEqual(problems, [], 'script errors, server errors or broken assets');
  } catch (e) {
    server.explain(e);
    throw e;
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------------------------------------
// Checks

/// Runs axe-core on the page. The page's CSP forbids inline script, so the library is not added
/// as a <script>: its source is evaluated through DevTools, which the CSP does not govern.
async function Axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(axe_source);
  }
  return page.evaluate(async () => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
}

/// Problems found by this test and reported to the owners of files this test may not change; they
/// are printed, not failed on, and each entry goes away with its fix.
const kKnown = [];

function IsKnown(violation, node) {
  return kKnown.some((k) => k.rule === violation.id && k.target.test(node.target));
}

function Describe(violations) {
  return violations.map((v) =>
    `  ${v.id} (${v.impact}, ${v.targets.length} node${v.targets.length === 1 ? '' : 's'}): ${v.help}\n` +
    v.targets.slice(0, 8).map((t) => `    - ${t.target}\n      ${(t.summary || '').replace(/\n/g, '\n      ')}`).join('\n'),
  ).join('\n');
}

/// The skip link is the first stop of the keyboard; following it puts focus in the main content.
async function CheckSkipLink(page, where) {
  await page.evaluate(() => {
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    window.scrollTo(0, 0);
  });
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const el = document.activeElement;
    return { cls: el.className, text: el.textContent.trim(), href: el.getAttribute('href') };
  });
  assert.deepEqual(first, { cls: 'skip-link', text: 'Bỏ qua đến nội dung chính', href: '#noi-dung' },
    `${where}: the first Tab should reach the skip link`);
  const box = await page.locator('a.skip-link').boundingBox();
  assert.ok(box && box.y >= 0 && box.height > 0 && box.x >= 0, `${where}: the focused skip link is on screen: ${JSON.stringify(box)}`);

  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#noi-dung');
  const focus = await page.evaluate(() => {
    const main = document.getElementById('noi-dung');
    const el = document.activeElement;
    return { on_main: el === main };
  });
  if (!focus.on_main) {
    // A browser moves the focus only to a focusable target; to another target it moves the
    // starting point of sequential navigation, so the next Tab must land inside the main content
    // rather than in the header.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const el = document.activeElement;
      return { in_main: document.getElementById('noi-dung').contains(el), what: `${el.tagName.toLowerCase()} ${el.textContent.trim().slice(0, 40)}` };
    });
    assert.ok(next.in_main, `${where}: after the skip link, focus should be in #noi-dung, the next Tab went to ${next.what}`);
  }
}

async function CheckPage(page, where, viewport) {
  const violations = await Axe(page);
  const grave = (v) => v.impact === 'serious' || v.impact === 'critical';
  const known = [];
  const serious = [];
  for (const v of violations.filter(grave)) {
    const k = v.targets.filter((t) => IsKnown(v, t));
    const rest = v.targets.filter((t) => !IsKnown(v, t));
    if (k.length) known.push({ ...v, targets: k });
    if (rest.length) serious.push({ ...v, targets: rest });
  }
  const lesser = violations.filter((v) => !grave(v));
  if (known.length) console.log(`# ${where} @${viewport.width}px, axe, known and reported:\n${Describe(known).replace(/^/gm, '# ')}`);
  if (lesser.length) console.log(`# ${where} @${viewport.width}px, axe, moderate or minor (not failing):\n${Describe(lesser).replace(/^/gm, '# ')}`);
  assert.equal(serious.length, 0, `${where} @${viewport.width}px: axe found serious or critical violations:\n${Describe(serious)}`);

  const no_alt = await page.evaluate(() => [...document.querySelectorAll('img:not([alt])')].map((i) => i.outerHTML.slice(0, 160)));
  assert.deepEqual(no_alt, [], `${where}: every <img> needs an alt attribute`);
  const h1 = await page.locator('h1').allTextContents();
  assert.equal(h1.length, 1, `${where}: one <h1> per page, found ${JSON.stringify(h1)}`);

  if (viewport.width <= 360) {
    const { scroll, wide } = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > limit + 1)
        .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`);
      return { scroll: document.scrollingElement.scrollWidth, wide };
    });
    assert.ok(scroll <= viewport.width, `${where}: page is ${scroll}px wide at ${viewport.width}px; widest: ${wide.join(', ')}`);
  }
  await CheckSkipLink(page, `${where} @${viewport.width}px`);
}

async function Visit(page, address) {
  const response = await page.goto(address);
  assert.equal(response.status(), 200, `GET ${address}`);
  await page.locator('h1').first().waitFor({ state: 'attached' });
}

// ------------------------------------------------------------------------------------------------

describe('accessibility of the public pages and the draft form', { timeout: 300_000 }, () => {
  before(async () => {
    [base_url, axe_source] = await Promise.all([
      server.start({ demo: ['--items', '120', '--pictures', '3'], serve: ['--access-log', 'off'] }),
      readFile(kAxePath, 'utf8'),
    ]);
    browser = await LaunchChromium(kStartupMs);
    // Find a section, an item with a picture and the draft form through the pages themselves.
    await InContext(kDesktop, async (page) => {
      await Visit(page, '/');
      pages.section = await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link')
        .nth(1).getAttribute('href');
      pages.item = await page.locator('section.lead-story h2 a').getAttribute('href');
      await SignIn(page, kContributor);
      await page.goto('/quan-tri/trang');
      pages.draft = await page.getByRole('link', { name: `Viết bài mới cho ${kProvinceSite}`, exact: true }).getAttribute('href');
    });
    for (const [name, value] of Object.entries(pages)) assert.ok(value, `address of the ${name} page`);
  }, { timeout: 120_000 });

  after(async () => {
    await browser?.close().catch(() => {});
    await server.stop();
  }, { timeout: 30_000 });

  for (const viewport of [kPhone, kDesktop]) {
    test(`public pages: home, section, item, search (${viewport.width}×${viewport.height})`, { timeout: kTestMs }, () =>
      InContext(viewport, async (page) => {
        await Visit(page, '/');
        await CheckPage(page, 'home /', viewport);

        await Visit(page, pages.section);
        await CheckPage(page, `section ${pages.section}`, viewport);

        await Visit(page, pages.item);
        const pictures = await page.locator('article img').count();
        assert.ok(pictures > 0, `the item page ${pages.item} should show a picture`);
        await CheckPage(page, `item ${pages.item}`, viewport);

        await Visit(page, pages.search);
        assert.ok(await page.locator('ol.search-results mark').count() > 0, 'search results with highlights');
        await CheckPage(page, `search ${pages.search}`, viewport);
      }));

    test(`newsroom: the new-draft form with the editor (${viewport.width}×${viewport.height})`, { timeout: kTestMs }, () =>
      InContext(viewport, async (page) => {
        await SignIn(page, kContributor);
        await Visit(page, pages.draft);
        await page.locator('textarea#body_md[data-editor-state="ready"]').waitFor({ state: 'attached' });
        await page.getByRole('textbox', { name: 'Nội dung', exact: true }).waitFor();
        await CheckPage(page, `draft form ${pages.draft}`, viewport);
      }));
  }
});
