// End-to-end: the article editor in the real app window. A writer rebuilds the sample
// article (headings, three captioned and credited photos, the byline), the app is closed
// and reopened, killed mid-work, fed Word and TCVN3 pastes and IME-style typing, and an
// older revision is restored. The tests run in order on one BANTIN_HOME.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Key } from 'webdriverio';
import { startHarness, waitUntil } from './harness.mjs';

const TITLE = 'Hội nghị học tập, quán triệt Nghị quyết về phát triển vùng biên giới';
const SAPO = 'Sáng 15/4, Huyện ủy tổ chức hội nghị trực tuyến học tập, quán triệt Nghị quyết.';
const PARA_1 = 'Hội nghị được kết nối trực tuyến từ Trung ương đến tỉnh, huyện và các xã.';
const HEADING = 'Nhận thức mới, cách làm mới';
const PARA_2 = 'Sau hội nghị, cấp ủy các cấp sẽ xây dựng chương trình hành động.';
const FIGURES = [
  { src: 'D:\\Ảnh\\hoi-nghi.jpg', alt: 'Quang cảnh hội nghị', caption: 'Quang cảnh điểm cầu Trung tâm hội nghị huyện', credit: 'Ảnh: Kim Huệ' },
  { src: 'D:\\Ảnh\\dai-bieu.jpg', alt: 'Đại biểu', caption: 'Đại biểu tham dự tại điểm cầu thị trấn', credit: 'Ảnh: Tùng Lâm' },
  { src: 'D:\\Ảnh\\ket-luan.jpg', alt: 'Phát biểu kết luận', caption: 'Đồng chí Bí thư Huyện ủy phát biểu kết luận', credit: 'Ảnh: Kim Huệ' },
];
const GALLERY_SECOND = 'D:\\Ảnh\\ket-luan-2.jpg';
const AUTHORS = 'Kim Huệ, Tùng Lâm';
const UNIT = 'Trung tâm Văn hóa, Thể thao - Truyền thông huyện';
const AFTER_KILL = 'Câu này được gõ ngay trước khi máy mất điện.';

let h;
let browser;

const $id = (id) => browser.$(`[data-testid="${id}"]`);

async function seenText(id) {
  return browser.execute((sel) => document.querySelector(sel)?.innerText ?? null, `[data-testid="${id}"]`);
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
}

async function waitSaved() {
  await waitForText('save-state', /^Đã lưu lúc \d{2}:\d{2}$/, 15_000);
}

/** What the body editor shows, block by block. */
async function bodyBlocks() {
  return browser.execute(() =>
    [...document.querySelector('[data-testid="body-editor"]').children].map((el) =>
      el.matches('[data-testid="figure"]')
        ? {
            figure: el.querySelector('.figure-missing, img')?.getAttribute('title') ?? el.querySelector('img')?.src,
            photos: el.querySelectorAll('.figure-tile').length,
            caption: el.querySelector('[data-testid="figure-caption"]').value,
            credit: el.querySelector('[data-testid="figure-credit"]').value,
          }
        : { [el.tagName.toLowerCase()]: el.textContent },
    ),
  );
}

/** Puts the caret at the end of the body, as Ctrl+End does. */
async function caretAtEnd() {
  await browser.execute(() => document.querySelector('[data-testid="body-editor"]').focus());
  await browser.keys([Key.Ctrl, Key.End]);
}

/** Types at the caret; a line break is the Enter key. */
async function typeText(text) {
  await (await $id('body-editor')).addValue(text.replaceAll('\n', Key.Enter));
}

/** Waits until `el` has the keyboard focus, as a person waits for the caret. */
async function focused(el) {
  await el.click();
  await waitUntil(() => browser.execute((e) => document.activeElement === e, el), {
    timeoutMs: 5_000,
    message: 'the field to take the focus',
  });
}

async function typeInFigure(figure, id, value) {
  const input = await figure.$(`[data-testid="${id}"]`);
  await focused(input);
  await input.addValue(value);
  assert.equal(await input.getValue(), value);
}

/** Replaces a text field's value. Clearing goes through WebDriver, not Ctrl+A: a stray
 *  Ctrl+A that reached the editor would select the whole article. */
async function typeField(id, value) {
  const el = await $id(id);
  await el.waitForEnabled({ timeout: 10_000 });
  await focused(el);
  await el.clearValue();
  await el.addValue(value);
  assert.equal(await el.getValue(), value, `${id} holds what was typed`);
}

async function openArticle(title) {
  const row = await browser.$(`//button[@data-testid="article-row"][.//span[contains(@class,"title") and .="${title}"]]`);
  await row.waitForClickable({ timeout: 15_000 });
  await row.click();
  await waitUntil(async () => (await (await $id('field-title')).getValue()) === title, {
    timeoutMs: 10_000,
    message: 'the article to load',
  });
  await (await $id('body-editor')).waitForDisplayed({ timeout: 10_000 });
}

/** A paste as the browser delivers it: a paste event carrying the clipboard's flavours. */
async function paste(flavours) {
  await browser.execute((data) => {
    const target = document.querySelector('[data-testid="body-editor"]');
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(data)) dt.setData(type, value);
    const event = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'clipboardData', { value: dt });
    target.dispatchEvent(event);
  }, flavours);
}

async function waitForApp() {
  await waitUntil(async () => (await browser.$$('[data-testid="article-row"]')).length > 0, {
    timeoutMs: 30_000,
    message: 'the article list',
  });
}

describe('Article editor in the real window', { concurrency: false }, () => {
  before(async () => {
    h = await startHarness('editor');
    browser = await h.launchApp();
    await waitForApp();
  });

  after(async () => {
    await h?.stop();
  });

  test('a writer rebuilds the sample article: headings, three figures, byline', async () => {
    await (await $id('writer-name')).click();
    await typeField('writer-name-input', 'Kim Huệ');
    await (await $id('writer-name-save')).click();
    await waitForText('writer-name', '✎ Kim Huệ');

    await (await $id('new-article')).click();
    await typeField('field-title', TITLE);
    await typeField('field-sapo', SAPO);

    await caretAtEnd();
    await typeText(PARA_1 + '\n' + HEADING);
    await (await $id('tb-block')).selectByAttribute('value', 'h2');
    await caretAtEnd();
    await typeText('\n' + PARA_2);

    for (const [i, f] of FIGURES.entries()) {
      await caretAtEnd();
      await (await $id('tb-figure')).click();
      await typeField('figure-src-input', f.src);
      await typeField('figure-alt-input', f.alt);
      await (await $id('figure-insert')).click();
      await waitUntil(async () => (await browser.$$('[data-testid="figure"]')).length === i + 1, {
        timeoutMs: 5_000,
        message: `figure ${i + 1} in the editor`,
      });
      const figures = await browser.$$('[data-testid="figure"]');
      await typeInFigure(figures[i], 'figure-caption', f.caption);
      await typeInFigure(figures[i], 'figure-credit', f.credit);
    }
    // The last figure becomes a gallery: a second photo under the same caption.
    const last = (await browser.$$('[data-testid="figure"]'))[2];
    await typeInFigure(last, 'figure-add-input', GALLERY_SECOND);
    await (await last.$('[data-testid="figure-add"]')).click();
    await waitUntil(async () => (await last.$$('.figure-tile')).length === 2, {
      timeoutMs: 5_000,
      message: 'the second photo in the gallery',
    });

    await typeField('field-authors', AUTHORS);
    await typeField('field-unit', UNIT);
    await waitSaved();

    await (await $id('tab-checks')).click();
    await waitForText('checklist', /^Bài viết đạt mọi mục kiểm tra\./);
    assert.match(await seenText('word-count'), /^\d+ từ · \d+ ký tự$/);
  });

  test('closing and reopening the app finds the article intact', async () => {
    browser = await h.relaunchApp();
    await waitForApp();
    await openArticle(TITLE);
    assert.equal(await (await $id('field-sapo')).getValue(), SAPO);
    assert.deepEqual(await bodyBlocks(), [
      { p: PARA_1 },
      { h2: HEADING },
      { p: PARA_2 },
      ...FIGURES.map((f, i) => ({ figure: f.src, photos: i === 2 ? 2 : 1, caption: f.caption, credit: f.credit })),
    ]);
    assert.equal(await (await $id('field-authors')).getValue(), AUTHORS);
    assert.equal(await (await $id('field-unit')).getValue(), UNIT);
  });

  test('text typed two seconds before the app is killed is there after relaunch', async () => {
    await caretAtEnd();
    await typeText('\n' + AFTER_KILL);
    // No blur, no Ctrl+S: only the autosave can have kept it.
    await new Promise((r) => setTimeout(r, 2_500));
    await h.killApp();
    browser = await h.launchApp();
    await waitForApp();
    await openArticle(TITLE);
    const blocks = await bodyBlocks();
    assert.deepEqual(blocks.at(-1), { p: AFTER_KILL }, JSON.stringify(blocks));
  });

  test('Vietnamese IME input: backspace-replace and composition neither drop nor double letters', async () => {
    await caretAtEnd();
    await browser.keys(Key.Enter);
    // Unikey/EVKey in Telex mode: "Vieejt" arrives as letters, backspaces and the composed
    // letter, each a separate key event (20 ms apart, as the OS delivers them one by one;
    // see the closing note on the zero-delay case).
    for (const key of ['V', 'i', 'e', Key.Backspace, 'ê', Key.Backspace, 'ệ', 't', ' ']) {
      await browser.keys(key);
      await browser.pause(20);
    }
    // The built-in Windows/macOS methods compose: the word is committed at compositionend.
    await browser.execute(() => {
      const target = document.querySelector('[data-testid="body-editor"]');
      target.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
      target.dispatchEvent(new CompositionEvent('compositionupdate', { bubbles: true, data: 'Nam' }));
      document.execCommand('insertText', false, 'Nam');
      target.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: 'Nam' }));
    });
    await waitUntil(async () => (await bodyBlocks()).at(-1)?.p === 'Việt Nam', {
      timeoutMs: 5_000,
      message: 'the typed line to read "Việt Nam"',
    }).catch(async (e) => {
      throw new Error(`${e.message}: ${JSON.stringify((await bodyBlocks()).at(-1))}`);
    });
    await waitSaved();
    // Reloaded from the database, the line is the same: nothing doubled on the way.
    await (await browser.$('button[aria-label="Đóng"]')).click();
    await openArticle(TITLE);
    assert.deepEqual((await bodyBlocks()).at(-1), { p: 'Việt Nam' });
  });

  test('a Word fragment keeps its structure, a TCVN3 fragment becomes Unicode with an undo', async () => {
    await caretAtEnd();
    await browser.keys(Key.Enter);
    await paste({
      'text/html':
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment-->' +
        '<p class="MsoNormal" style="margin:0;font-family:Calibri"><b style="mso-bidi-font-weight:normal">Kết quả</b> <span style="color:red">năm 2026</span><o:p></o:p></p>' +
        '<h2 class="MsoHeading2" style="mso-outline-level:2">Mục tiêu</h2>' +
        '<p class="MsoListParagraphCxSpFirst" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>Trồng rừng</p>' +
        '<p class="MsoListParagraphCxSpLast" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>Làm đường</p>' +
        '<img src="https://tracker.example/p.gif" width="1" height="1"><!--EndFragment--></body></html>',
      'text/plain': 'Kết quả năm 2026\nMục tiêu\nTrồng rừng\nLàm đường',
    });
    const structure = await browser.execute(() => {
      const root = document.querySelector('[data-testid="body-editor"]');
      return {
        bold: [...root.querySelectorAll('strong')].map((e) => e.textContent),
        headings: [...root.querySelectorAll('h2')].map((e) => e.textContent),
        items: [...root.querySelectorAll('ul > li')].map((e) => e.textContent),
        styled: root.querySelectorAll('[style], [class*="Mso"], img').length,
      };
    });
    assert.deepEqual(structure.bold, ['Kết quả']);
    assert.ok(structure.headings.includes('Mục tiêu'), JSON.stringify(structure));
    assert.deepEqual(structure.items, ['Trồng rừng', 'Làm đường']);
    assert.equal(structure.styled, 0, 'no styles, Word classes or tracking images survive');

    await caretAtEnd();
    await browser.keys(Key.Enter);
    await paste({
      'text/html': '<p><span style="font-family:.VnTime">Céng hoµ x· héi chñ nghÜa ViÖt Nam</span></p>',
      'text/plain': 'Céng hoµ x· héi chñ nghÜa ViÖt Nam',
    });
    await waitUntil(async () => (await bodyBlocks()).some((b) => b.p === 'Cộng hoà xã hội chủ nghĩa Việt Nam'), {
      timeoutMs: 5_000,
      message: 'the TCVN3 text converted to Unicode',
    });
    await waitForText('editor-notice', /TCVN3/);
    await (await $id('notice-undo')).click();
    await waitUntil(async () => !(await bodyBlocks()).some((b) => b.p === 'Cộng hoà xã hội chủ nghĩa Việt Nam'), {
      timeoutMs: 5_000,
      message: 'the paste to be undone',
    });
    await waitSaved();
  });

  test('an older revision is restored, and the restore is a revision too', async () => {
    await (await $id('tab-revisions')).click();
    await waitUntil(async () => (await browser.$$('[data-testid="revision-item"]')).length >= 3, {
      timeoutMs: 10_000,
      message: 'several revisions',
    });
    const items = await browser.$$('[data-testid="revision-item"]');
    const count = items.length;
    assert.match(await items[0].getText(), /Kim Huệ/, 'signed with the writer name');
    // The oldest revision is the first autosave, made when only the title was typed.
    await items[count - 1].click();
    await (await $id('revision-diff')).waitForDisplayed({ timeout: 10_000 });
    await (await $id('revision-restore')).click();
    await waitUntil(async () => (await bodyBlocks()).length <= 1, {
      timeoutMs: 10_000,
      message: 'the body of the oldest revision',
    });
    await waitUntil(async () => (await browser.$$('[data-testid="revision-item"]')).length === count + 1, {
      timeoutMs: 10_000,
      message: 'a new revision for the restore',
    });
    assert.match(await (await browser.$$('[data-testid="revision-item"]'))[0].getText(), /khôi phục/);
    // The newest text is one click away: restore the revision before the restore.
    await (await browser.$$('[data-testid="revision-item"]'))[1].click();
    await (await $id('revision-restore')).click();
    await waitUntil(async () => (await bodyBlocks()).some((b) => b.h2 === HEADING), {
      timeoutMs: 10_000,
      message: 'the full article back',
    });
    await h.screenshot('editor.png');
  });

  test('closing the window right after typing keeps what was typed', async () => {
    const LAST = 'Dòng cuối gõ ngay trước khi đóng cửa sổ.';
    await (await $id('tab-info')).click();
    await caretAtEnd();
    await typeText('\n' + LAST);
    // What the window's close button does: a close request, which the app answers by
    // saving and then closing itself.
    await browser.execute(() => {
      void window.__TAURI_INTERNALS__.invoke('plugin:window|close', { label: 'main' });
    });
    await waitUntil(() => h.appPids().length === 0, { timeoutMs: 10_000, message: 'the app to close itself' });
    await h.forgetApp();
    browser = await h.launchApp();
    await waitForApp();
    await openArticle(TITLE);
    assert.deepEqual((await bodyBlocks()).at(-1), { p: LAST });
  });

  test('the preview shows the article as the export writes it, and the site exports from the app', async () => {
    await (await $id('preview-toggle')).click();
    const frame = await $id('preview-frame');
    await frame.waitForDisplayed({ timeout: 10_000 });
    await waitUntil(
      async () => (await frame.getAttribute('srcdoc'))?.includes(HEADING) ?? false,
      { timeoutMs: 10_000, message: 'the preview to show the article' },
    );
    const srcdoc = await frame.getAttribute('srcdoc');
    assert.equal(await frame.getAttribute('sandbox'), '', 'no scripts, no same-origin');
    assert.ok(srcdoc.includes('<figcaption>Quang cảnh điểm cầu Trung tâm hội nghị huyện <span class="credit">Ảnh: Kim Huệ</span></figcaption>'));
    assert.ok(srcdoc.includes('Kim Huệ - Tùng Lâm - Trung tâm Văn hóa, Thể thao - Truyền thông huyện'), 'byline');
    await (await $id('preview-phone')).click();
    await h.screenshot('editor-preview.png');

    // Publish it, then export the site from the app.
    await (await $id('preview-toggle')).click();
    await (await $id('field-status')).selectByAttribute('value', 'published');
    await waitSaved();
    // A folder typed in, not chosen in the dialog, is refused: a page made to run someone
    // else's script could otherwise have the app write anywhere.
    const typed = join(h.home, 'web');
    await (await $id('export-site')).click();
    await typeField('export-folder', typed);
    await (await $id('export-run')).click();
    await waitUntil(async () => (await (await $id('error-banner')).getAttribute('data-code')) === 'unsafe_path', {
      timeoutMs: 10_000,
      message: 'the typed folder to be refused',
    });
    assert.ok(!existsSync(typed), 'nothing written where the page said');
    await h.screenshot('export-refused.png');
    // The native folder dialog cannot be driven by WebDriver; the app's own folder is
    // always allowed, so the export goes there.
    const out = join(h.bantinHome, 'web');
    await typeField('export-folder', out);
    await (await $id('export-run')).click();
    await waitForText('export-result', /^Đã xuất \d+ bài, \d+ tệp/, 30_000);
    assert.ok(existsSync(join(out, 'index.html')), 'the home page');
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    assert.ok(home.includes(TITLE), 'the new article is on the home page');
  });
  test('"Copy for portal" then a real paste into a rich-text field brings the article across intact', async () => {
    if (await (await $id('export-panel')).isDisplayed()) await (await $id('export-site')).click();
    await openArticle(TITLE);
    const headingsOf = () =>
      browser.execute(() => [...document.querySelectorAll('[data-testid="body-editor"] h2, [data-testid="body-editor"] h3')].map((e) => e.textContent));
    const sourceHeadings = await headingsOf();
    await (await $id('copy-portal')).click();
    await waitForText('form-notice', /^Đã sao chép bài viết/, 10_000);

    // The rich-text field: a new article's body editor, pasted into with the keyboard,
    // as a writer pastes into the portal's editor. The clipboard is the system's.
    await (await $id('new-article')).click();
    await (await $id('body-editor')).waitForDisplayed({ timeout: 10_000 });
    await browser.execute(() => document.querySelector('[data-testid="body-editor"]').focus());
    await browser.keys([Key.Ctrl, 'v']);
    await waitUntil(async () => (await bodyBlocks()).some((b) => b.p === PARA_1), {
      timeoutMs: 10_000,
      message: 'the pasted article in the field',
    });
    const pasted = await browser.execute(() => {
      const root = document.querySelector('[data-testid="body-editor"]');
      return {
        strong: [...root.querySelectorAll('strong')].map((e) => e.textContent),
        paragraphs: [...root.querySelectorAll('p')].map((e) => e.textContent),
      };
    });
    assert.equal(pasted.strong[0], SAPO, 'the sapo first, in bold');
    assert.equal(pasted.strong.at(-1), `Kim Huệ - Tùng Lâm - ${UNIT}`, 'the byline last, in bold');
    assert.deepEqual(await headingsOf(), sourceHeadings, 'the same headings, in order');
    assert.ok(sourceHeadings.includes(HEADING));
    for (const text of [PARA_1, PARA_2, FIGURES[0].caption]) {
      assert.ok(pasted.paragraphs.some((p) => p.includes(text)), `${text} in ${JSON.stringify(pasted.paragraphs)}`);
    }
  });
});
