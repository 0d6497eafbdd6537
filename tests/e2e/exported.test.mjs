// The exported site opened from disk in headless Chromium (Debian's chromium), as a reader
// would: readable on a 375 px phone without sideways scrolling, the captioned photo shown
// from its renditions, the pagination links leading to real pages, and the search page
// finding either i/y spelling and queries typed with Unikey off.
// The site is made with the `bantin` CLI: the sample site, a photo, a published article
// showing it, and enough articles in one category for three list pages.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { ARTIFACTS, REPO_ROOT } from './harness.mjs';

const BANTIN = process.env.BANTIN_CLI ?? join(REPO_ROOT, 'target', 'debug', 'bantin');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const PHOTO = join(REPO_ROOT, 'crates', 'bantin-media', 'tests', 'fixtures', 'phone-gps.jpg');
const TITLE = 'Hội nghị tổng kết công tác văn hóa thông tin năm 2026';
const CATEGORY = 'Tin tức/Văn hóa';
const CAPTION = 'Đại biểu dự hội nghị tổng kết năm';
const KY = 'Tập huấn kỹ thuật trồng chè';
const KI = 'Lớp kĩ thuật chăn nuôi';

let dir;
let site;
let web;
let browser;

const bantin = (...args) => execFileSync(BANTIN, ['--site', site, ...args], { encoding: 'utf8', env: { ...process.env, BANTIN_LANG: 'vi' } });

function url(path) {
  return pathToFileURL(join(web, path)).href;
}

async function phone() {
  const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
  page.on('pageerror', (e) => assert.fail(`a script error on ${page.url()}: ${e.message}`));
  return page;
}

/** Whether the page is wider than the window (a reader would have to scroll sideways). */
function overflow(page) {
  return page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 3)
      .map((el) => el.outerHTML.slice(0, 120)),
  }));
}

describe('The exported site in a browser', { concurrency: false }, () => {
  before(() => {
    assert.ok(existsSync(BANTIN), `the bantin CLI at ${BANTIN} (cargo build -p bantin-cli)`);
    assert.ok(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (Debian: chromium)`);
    dir = mkdtempSync(join(tmpdir(), 'bantin-exported-'));
    site = join(dir, 'site');
    web = join(dir, 'web');
    execFileSync(BANTIN, ['init', site, '--sample', '--name', 'Trung tâm Văn hóa, Thể thao - Truyền thông huyện']);
    const [imported] = JSON.parse(bantin('media', 'import', PHOTO, '--json'));
    const reference = `media/${imported.item.hash}.${imported.item.ext}`;
    const body = join(dir, 'body.md');
    writeFileSync(
      body,
      `Sáng nay, Trung tâm tổ chức hội nghị tổng kết.\n\n![Hội trường](${reference} "Ảnh: Kim Huệ")\n*${CAPTION}*\n\nHội nghị đã đề ra nhiệm vụ năm tới.\n`,
    );
    bantin('article', 'add', '--title', TITLE, '--body-file', body, '--author', 'Kim Huệ', '--category', CATEGORY, '--status', 'published');
    // Both i/y spellings, for the search page.
    for (const title of [KY, KI]) bantin('article', 'add', '--title', title, '--category', CATEGORY, '--status', 'published');
    for (let i = 1; i <= 45; i++) {
      bantin('article', 'add', '--title', `Tin văn hóa cơ sở số ${i}`, '--category', CATEGORY, '--status', 'published');
    }
    bantin('export', 'site', '--out', web);
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('no page scrolls sideways on a 375 px phone', async () => {
    const page = await phone();
    for (const path of ['index.html', 'chuyen-muc/tin-tuc-van-hoa.html', 'tim-kiem.html', '404.html']) {
      assert.ok(existsSync(join(web, path)), `${path} exported`);
      await page.goto(url(path));
      const o = await overflow(page);
      assert.ok(o.scroll <= o.client, `${path} is ${o.scroll} px wide in a ${o.client} px window: ${o.wide.join(' | ')}`);
    }
    await page.goto(url('index.html'));
    await page.screenshot({ path: join(ARTIFACTS, 'exported-home-375.png'), fullPage: true });
    await page.close();
  });

  test('the article shows its captioned photo from the renditions, at phone and desktop width', async () => {
    const slug = JSON.parse(bantin('article', 'list', '--json', '--limit', '100')).find((a) => a.title === TITLE).slug;
    const path = `bai-viet/${slug}.html`;
    for (const width of [375, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(url(path));
      await page.locator('figure img').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => {
        const img = document.querySelector('figure img');
        return img && img.complete && img.naturalWidth > 0;
      });
      const photo = await page.evaluate(() => {
        const img = document.querySelector('figure img');
        const box = img.getBoundingClientRect();
        return {
          src: img.currentSrc,
          shownWidth: box.width,
          ratio: box.width / box.height,
          caption: document.querySelector('figure figcaption').innerText,
        };
      });
      assert.match(photo.src, /\/anh\/[0-9a-f]{32}-o-(480|960|1200)\.jpg$/, 'a rendition, not the original');
      assert.ok(Math.abs(photo.ratio - 1.5) < 0.02, `the photo keeps its 3:2 shape (${photo.ratio})`);
      assert.equal(photo.caption.replace(/\s+/g, " "), `${CAPTION} Ảnh: Kim Huệ`);
      const o = await overflow(page);
      assert.ok(o.scroll <= o.client, `${width} px: the article is ${o.scroll} px wide: ${o.wide.join(' | ')}`);
      assert.ok(photo.shownWidth <= width, 'the photo fits the window');
      await page.screenshot({ path: join(ARTIFACTS, `exported-article-${width}.png`), fullPage: width === 375 });
      await page.close();
    }
  });

  test('pagination links lead to the older articles, and back', async () => {
    const page = await phone();
    await page.goto(url('chuyen-muc/tin-tuc-van-hoa.html'));
    const firstPage = await page.locator('.article-list a, main h2 a, main h3 a').allInnerTexts();
    assert.ok(firstPage.includes(TITLE) || firstPage.some((t) => t.startsWith('Tin văn hóa cơ sở số 45')), 'newest first');
    await page.locator('nav.pagination a', { hasText: '2' }).first().click();
    await page.waitForLoadState();
    assert.notEqual(page.url(), url('chuyen-muc/tin-tuc-van-hoa.html'), 'a different page');
    const secondPage = await page.locator('main').innerText();
    assert.match(secondPage, /Tin văn hóa cơ sở số \d+/);
    assert.ok(!secondPage.includes(TITLE), 'the newest article is on the first page, not this one');
    await page.locator('nav.pagination a.page-prev, nav.pagination a.page-next').first().click();
    await page.waitForLoadState();
    assert.ok(existsSync(new URL(page.url()).pathname), `${page.url()} exists on disk`);
    await page.close();
  });

  test('the search page finds either i/y spelling and a query typed with Unikey off', async () => {
    const page = await phone();
    const search = async (q) => {
      await page.goto(`${url('tim-kiem.html')}?q=${encodeURIComponent(q)}`);
      await page.waitForFunction(() => {
        const s = document.getElementById('search-status').textContent;
        return s && !s.startsWith('Đang tải');
      });
      return {
        titles: await page.locator('#search-results .item-title').allInnerTexts(),
        status: await page.locator('#search-status').innerText(),
      };
    };
    for (const q of ['kĩ thuật', 'kỹ thuật', 'ki thuat', 'kyx thuaatj', 'ky4 thua6t5']) {
      const r = await search(q);
      assert.deepEqual([...r.titles].sort(), [KI, KY].sort(), q);
    }
    for (const q of ['hooij nghij', 'ho6i5 nghi5']) {
      const r = await search(q);
      assert.ok(r.titles.includes(TITLE), `${q}: ${r.titles}`);
      assert.match(r.status, /^Kết quả cho: hội nghị\. /, q);
    }
    for (const q of ['hoi nghi', 'covid', '11-NQ/TW']) {
      const r = await search(q);
      assert.doesNotMatch(r.status, /Kết quả cho/, q);
    }
    await page.close();
  });
});
