// End-to-end: the real Bản Tin binary under Xvfb, driven through tauri-driver.
// The tests run in order and share one BANTIN_HOME: the article made in one is the one
// searched for, reopened after a restart and photographed in the next.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Key } from 'webdriverio';
import { startHarness, waitUntil } from './harness.mjs';

const SAMPLE_SITE = 'Trung tâm Văn hóa, Thể thao - Truyền thông huyện';
const SAMPLE_ARTICLE = 'Đường về Bản Lầu: người dân góp đất, góp công làm đường bê tông nông thôn';
const SAMPLE_COUNT = 5;

const ARTICLE = {
  title: 'Hội thi đánh yến các dân tộc xã Thanh Bình lần thứ nhất',
  sapo: 'Sáng 20/4, hơn 120 vận động viên của 9 thôn tranh tài môn đánh yến, trò chơi dân gian của đồng bào Mông, Dao.',
  body: 'Hội thi diễn ra sôi nổi trên sân vận động xã.\nCác vận động viên thi đấu nội dung đôi nam.',
  authors: 'Kim Huệ, Tùng Lâm',
  unit: 'Trung tâm Văn hóa, Thể thao - Truyền thông huyện',
  category: 'Tin tức/Văn hóa',
  tags: 'thể thao, dân gian',
};

/** How a person reads the counter: "{n} bài viết". */
const countText = (n) => `${n} bài viết`;

let h;
let browser;
/** Set once the create test saved the article the later tests look for. */
let created = false;

const $id = (id) => browser.$(`[data-testid="${id}"]`);

/** The text a user sees (WebKitWebDriver's getText returns "" for overflow-clipped text). */
async function seenText(id) {
  return browser.execute((sel) => document.querySelector(sel)?.innerText ?? null, `[data-testid="${id}"]`);
}

async function rowTitles() {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="article-row"]')].map((r) => r.querySelector('.title')?.textContent ?? ''),
  );
}

async function bannerText() {
  return seenText('error-banner');
}

async function waitForText(id, expected, timeoutMs = 15_000) {
  let last;
  await waitUntil(
    async () => {
      last = await seenText(id);
      return expected instanceof RegExp ? expected.test(last ?? '') : last === expected;
    },
    { timeoutMs, message: `${id} to show ${expected}` },
  ).catch((e) => {
    throw new Error(`${e.message} (last seen: ${JSON.stringify(last)})`);
  });
  return last;
}

/** Waits until the visible rows are exactly `titles` (any order) and the count agrees. */
async function waitForRows(titles, timeoutMs = 10_000) {
  const want = [...titles].sort();
  let last;
  await waitUntil(
    async () => {
      last = { rows: await rowTitles(), count: await seenText('article-count'), banner: await bannerText() };
      if (last.banner) throw new Error(`error banner shown: ${last.banner}`);
      return JSON.stringify([...last.rows].sort()) === JSON.stringify(want) && last.count === countText(want.length);
    },
    { timeoutMs, message: `rows ${JSON.stringify(want)}` },
  ).catch((e) => {
    throw new Error(`${e.message} (last seen: ${JSON.stringify(last)})`);
  });
}

/** Replaces a field's text the way a person does: select all, then type (or delete). */
async function replaceText(el, text) {
  await el.click();
  await browser.keys([Key.Ctrl, 'a']);
  await browser.keys(Key.Backspace);
  // WebDriver types a line break as the Enter key, not as "\n".
  if (text !== '') await el.addValue(text.replaceAll('\n', Key.Enter));
}

async function search(text) {
  const input = await $id('search-input');
  await replaceText(input, text);
  assert.equal(await input.getValue(), text, 'the search box holds what was typed');
}

/** Waits for the app's first paint of the site and its list. */
async function waitForAppReady() {
  await waitForText('site-name', SAMPLE_SITE, 30_000);
  await waitUntil(async () => (await rowTitles()).length > 0, { timeoutMs: 15_000, message: 'the first article rows' });
}

async function openArticleRow(title) {
  const row = await browser.$(`//button[@data-testid="article-row"][.//span[contains(@class,"title") and .="${title}"]]`);
  await row.waitForClickable({ timeout: 10_000 });
  await row.click();
}

async function typeInto(id, value) {
  const el = await $id(id);
  await el.waitForEnabled({ timeout: 10_000 });
  await replaceText(el, value);
  assert.equal(await el.getValue(), value, `${id} holds what was typed`);
}

/** Types into the article body editor; a line break starts a new paragraph. */
async function typeIntoEditor(value) {
  const editor = await $id('body-editor');
  await editor.waitForDisplayed({ timeout: 10_000 });
  await replaceText(editor, value);
  const paragraphs = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="body-editor"] > p')].map((p) => p.textContent),
  );
  assert.deepEqual(paragraphs, value.split('\n'), 'the body editor holds what was typed');
}

describe('Bản Tin desktop app', { concurrency: false }, () => {
  before(async () => {
    h = await startHarness('app');
    browser = await h.launchApp();
  });

  after(async () => {
    await h?.stop();
  });

  test('opens on the sample site with its articles', async () => {
    await waitForAppReady();
    assert.equal(await seenText('site-name'), SAMPLE_SITE);
    await waitForText('article-count', countText(SAMPLE_COUNT));
    const titles = await rowTitles();
    assert.equal(titles.length, SAMPLE_COUNT, `rows: ${JSON.stringify(titles)}`);
    assert.ok(titles.includes(SAMPLE_ARTICLE), `rows include the Bản Lầu article: ${JSON.stringify(titles)}`);
    assert.equal(await browser.execute(() => document.documentElement.lang), 'vi', 'the UI starts in Vietnamese');
    assert.equal(await bannerText(), null, 'no error banner on start');
  });

  test('creates an article with a Vietnamese title', async () => {
    await (await $id('new-article')).click();
    await (await $id('field-title')).waitForDisplayed({ timeout: 10_000 });
    await waitForText('save-state', 'Chưa lưu');

    await typeInto('field-title', ARTICLE.title);
    await typeInto('field-sapo', ARTICLE.sapo);
    await typeIntoEditor(ARTICLE.body);
    await typeInto('field-authors', ARTICLE.authors);
    await typeInto('field-unit', ARTICLE.unit);
    await typeInto('field-category', ARTICLE.category);
    await typeInto('field-tags', ARTICLE.tags);
    await (await $id('field-status')).selectByAttribute('value', 'draft');
    assert.equal(await (await $id('field-status')).getValue(), 'draft');

    // The byline box splits on the comma into two authors, shown as chips.
    const chips = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="author-chips"] li span')].map((s) => s.textContent),
    );
    assert.deepEqual(chips, ['Kim Huệ', 'Tùng Lâm']);

    await (await $id('save-article')).click();
    await waitForText('save-state', /^Đã lưu lúc \d{2}:\d{2}$/);
    assert.equal(await bannerText(), null, 'no error banner after saving');

    await waitUntil(async () => (await rowTitles()).includes(ARTICLE.title), {
      timeoutMs: 10_000,
      message: 'the new article in the list',
    });
    await waitForText('article-count', countText(SAMPLE_COUNT + 1));
    // The saved article is the selected row.
    const selected = await browser.execute(
      () => document.querySelector('[data-testid="article-row"][aria-current="true"] .title')?.textContent ?? null,
    );
    assert.equal(selected, ARTICLE.title);
    created = true;
  });

  test('finds it by searching without diacritics', async (t) => {
    assert.ok(created, 'needs the article from the create test');
    await search('danh yen thanh binh');
    await waitForRows([ARTICLE.title]);

    // Something absent: no rows and the "no match" note. (Also makes the next step a
    // visible change, so it cannot pass on the previous query's rows.)
    await search('khong co bai nao ve tau vu tru');
    await waitForRows([]);
    await (await $id('list-empty')).waitForDisplayed({ timeout: 5_000 });
    assert.equal(await seenText('list-empty'), 'Không tìm thấy bài viết phù hợp.');

    // "hoi thi" also matches sample articles ("xã hội" … "thi đấu"); the title match ranks first.
    await search('hoi thi');
    let rows;
    await waitUntil(
      async () => {
        rows = await rowTitles();
        return rows.length > 0 && (await seenText('article-count')) === countText(rows.length);
      },
      { timeoutMs: 10_000, message: 'results for "hoi thi"' },
    );
    t.diagnostic(`"hoi thi" finds ${rows.length}: ${rows.join(' | ')}`);
    assert.equal(rows[0], ARTICLE.title, `first result for "hoi thi": ${JSON.stringify(rows)}`);
    assert.equal(await bannerText(), null);

    // Clearing the search brings every article back.
    await search('');
    await waitForText('article-count', countText(SAMPLE_COUNT + 1));
  });

  test('keeps the article after the app is closed and relaunched', async () => {
    assert.ok(created, 'needs the article from the create test');
    const startedBefore = await browser.execute(() => performance.timeOrigin);
    browser = await h.relaunchApp();
    await waitForAppReady();
    const startedNow = await browser.execute(() => performance.timeOrigin);
    assert.ok(startedNow > startedBefore, 'a new app process with a new webview');
    assert.equal(await (await $id('search-input')).getValue(), '', 'a fresh window starts with no search');
    await waitForText('article-count', countText(SAMPLE_COUNT + 1));

    await search('danh yen');
    await waitForRows([ARTICLE.title]);

    await openArticleRow(ARTICLE.title);
    const title = await $id('field-title');
    await waitUntil(async () => (await title.getValue()) === ARTICLE.title, {
      timeoutMs: 10_000,
      message: 'the form to load the article',
    });
    assert.equal(await (await $id('field-authors')).getValue(), ARTICLE.authors);
    assert.equal(await (await $id('field-sapo')).getValue(), ARTICLE.sapo);
    assert.equal(await (await $id('field-unit')).getValue(), ARTICLE.unit);
    assert.equal(await (await $id('field-category')).getValue(), ARTICLE.category);
    assert.equal(await (await $id('field-status')).getValue(), 'draft');
    assert.equal(await (await $id('field-tags')).getValue(), ARTICLE.tags);
    const paragraphs = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="body-editor"] > p')].map((p) => p.textContent),
    );
    assert.deepEqual(paragraphs, ARTICLE.body.split('\n'), 'the body came back');
    // Freshly loaded and untouched: nothing to save.
    assert.equal(await seenText('save-state'), '');
  });

  test('a hostile search query shows no error', async () => {
    assert.ok(created, 'needs the article from the create test');
    await search('"NEAR( a* : AND');
    // Nothing in the site contains these words; the query must run as plain words.
    let last;
    await waitUntil(
      async () => {
        last = { banner: await bannerText(), count: await seenText('article-count') };
        return last.banner !== null || last.count === countText(0);
      },
      { timeoutMs: 10_000, message: 'the hostile query to be answered' },
    ).catch((e) => {
      throw new Error(`${e.message} (last seen: ${JSON.stringify(last)})`);
    });
    assert.equal(last.banner, null, 'no error banner for a query full of FTS5 syntax');
    // Still none a moment later (a late error from the backend would show up here).
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await bannerText(), null);
    assert.deepEqual(await rowTitles(), []);
    await search('');
    await waitForText('article-count', countText(SAMPLE_COUNT + 1));
  });

  test('screenshot of the main window with the list and the form', async () => {
    assert.ok(created, 'needs the article from the create test');
    // The form from the relaunch test is still open on the new article.
    await (await $id('field-title')).waitForDisplayed({ timeout: 5_000 });
    await waitUntil(async () => (await rowTitles()).length === SAMPLE_COUNT + 1, { message: 'all rows listed' });

    const shot = await h.screenshot('main.png');
    const png = readFileSync(shot);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const inner = await browser.execute(() => [window.innerWidth, window.innerHeight]);
    assert.deepEqual([width, height], inner, 'the screenshot covers the whole window');
    assert.ok(width >= 900 && height >= 560, `window at least its minimum size, got ${width}x${height}`);
    // A blank or single-colour frame would mean nothing was painted.
    const colours = spawnSync('identify', ['-format', '%k', shot], { encoding: 'utf8' });
    assert.equal(colours.status, 0, `ImageMagick identify failed: ${colours.error?.message ?? colours.stderr}`);
    assert.ok(Number(colours.stdout) > 100, `screenshot has only ${colours.stdout} colours`);

    // The whole X screen too: the native window as a user would see it.
    h.screenshotScreen('main-screen.png');
  });
});
