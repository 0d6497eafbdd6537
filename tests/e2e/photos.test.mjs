// End-to-end: photos in the real app window. A writer drops a phone photo (GPS, caption
// and byline in its metadata) onto an article: it appears upright as a figure with its
// caption and credit prefilled, the preview shows its rendition, and the photo library
// finds it and knows which article uses it.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, startHarness, waitUntil } from './harness.mjs';

const FIXTURES = join(REPO_ROOT, 'crates', 'bantin-media', 'tests', 'fixtures');
const CAPTION = 'Đại biểu dự hội nghị tổng kết năm';
const CREDIT = 'Ảnh: Kim Huệ';

let h;
let browser;

const $id = (id) => browser.$(`[data-testid="${id}"]`);

/** Drops a file on an element as a browser delivers it: a drop event carrying a File. */
async function dropFile(selector, fileName, mime) {
  const base64 = readFileSync(join(FIXTURES, fileName)).toString('base64');
  await browser.execute(
    (sel, name, type, data) => {
      const target = document.querySelector(sel);
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type }));
      const box = target.getBoundingClientRect();
      const at = { clientX: box.left + box.width / 2, clientY: box.bottom - 5 };
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: dt, ...at }));
      }
    },
    selector,
    fileName,
    mime,
    base64,
  );
}

/** Whether the figure photos in the editor have loaded, and their natural sizes. */
function figurePhotos() {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="figure-img"]')].map((img) => ({
      loaded: img.complete && img.naturalWidth > 0,
      width: img.naturalWidth,
      height: img.naturalHeight,
      src: img.getAttribute('src'),
    })),
  );
}

describe('Photos in the real window', { concurrency: false }, () => {
  before(async () => {
    h = await startHarness('photos');
    browser = await h.launchApp();
    await waitUntil(async () => (await browser.$$('[data-testid="article-row"]')).length > 0, {
      timeoutMs: 30_000,
      message: 'the article list',
    });
  });

  after(async () => {
    await h?.stop();
  });

  test('a photo dropped on the editor becomes a figure, upright, with caption and credit', async () => {
    const rows = await browser.$$('[data-testid="article-row"]');
    await rows[0].click();
    await (await $id('body-editor')).waitForDisplayed({ timeout: 10_000 });
    const before = (await browser.$$('[data-testid="figure"]')).length;

    await dropFile('[data-testid="body-editor"]', 'phone-gps.jpg', 'image/jpeg');
    await waitUntil(async () => (await browser.$$('[data-testid="figure"]')).length === before + 1, {
      timeoutMs: 20_000,
      message: 'the dropped photo to become a figure',
    });
    const figure = await browser.$(`[data-testid="figure"]:has([data-testid="figure-img"])`);
    assert.equal(await (await figure.$('[data-testid="figure-caption"]')).getValue(), CAPTION);
    assert.equal(await (await figure.$('[data-testid="figure-credit"]')).getValue(), CREDIT);
    await waitUntil(async () => (await figurePhotos()).some((p) => p.loaded), {
      timeoutMs: 15_000,
      message: 'the photo to load from the app',
    });
    const [photo] = (await figurePhotos()).filter((p) => p.loaded);
    assert.match(photo.src, /^bantin:\/\/localhost\/media\/[0-9a-f]{32}\.jpg/);
    assert.ok(photo.width > photo.height, `landscape, as shot (${photo.width}×${photo.height})`);

    // A photo on its side in the file (EXIF orientation 6) comes in upright.
    await dropFile('[data-testid="body-editor"]', 'orientation-6.jpg', 'image/jpeg');
    await waitUntil(async () => (await figurePhotos()).filter((p) => p.loaded).length === 2, {
      timeoutMs: 20_000,
      message: 'the second photo to load',
    });
    const turned = (await figurePhotos()).find((p) => p.loaded && p.width === 96);
    assert.ok(turned, 'the 96×64 upright rendition');
    assert.equal(turned.height, 64);
    await h.screenshot('photos-editor.png');
  });

  test('a damaged file is refused with a message naming it, and nothing is inserted', async () => {
    const figures = (await browser.$$('[data-testid="figure"]')).length;
    await dropFile('[data-testid="body-editor"]', 'truncated.jpg', 'image/jpeg');
    const error = await $id('import-error');
    await error.waitForDisplayed({ timeout: 15_000 });
    assert.equal(await error.getAttribute('data-code'), 'image_damaged');
    assert.match(await error.getText(), /truncated\.jpg/);
    assert.equal((await browser.$$('[data-testid="figure"]')).length, figures);
    await (await $id('import-errors-close')).click();
  });

  test('the preview shows the rendition, never the original', async () => {
    await (await $id('preview-toggle')).click();
    const frame = await $id('preview-frame');
    await frame.waitForDisplayed({ timeout: 10_000 });
    await waitUntil(async () => (await frame.getAttribute('srcdoc'))?.includes(CAPTION) ?? false, {
      timeoutMs: 10_000,
      message: 'the preview to show the figure',
    });
    const srcdoc = await frame.getAttribute('srcdoc');
    assert.match(srcdoc, /<img src="bantin:\/\/localhost\/media\/renditions\/[0-9a-f]{32}-o-960\.jpg" alt="[^"]*" srcset="[^"]+ 480w, [^"]+ 960w, [^"]+ 1200w"/);
    assert.doesNotMatch(srcdoc, /media\/[0-9a-f]{32}\.jpg/, 'the original is not on the page');
    await browser.pause(1500);
    await h.screenshot('photos-preview.png');
    await (await $id('preview-toggle')).click();
  });

  test('the photo library finds the photo and the article that uses it', async () => {
    await (await $id('nav-media')).click();
    await (await $id('media-library')).waitForDisplayed({ timeout: 10_000 });
    await waitUntil(async () => (await browser.$$('[data-testid="media-tile"]')).length === 2, {
      timeoutMs: 10_000,
      message: 'the two imported photos',
    });
    const search = await $id('media-search');
    await search.click();
    await search.addValue('dai bieu hoi nghi');
    await waitUntil(async () => (await browser.$$('[data-testid="media-tile"]')).length === 1, {
      timeoutMs: 10_000,
      message: 'the search to keep one photo',
    });
    await (await browser.$$('[data-testid="media-tile"]'))[0].click();
    await (await $id('media-detail')).waitForDisplayed({ timeout: 10_000 });
    assert.equal(await (await $id('media-caption')).getValue(), CAPTION);
    await waitUntil(async () => (await browser.$$('[data-testid="media-use"]')).length === 1, {
      timeoutMs: 10_000,
      message: 'the article that uses the photo',
    });
    assert.equal(await (await $id('media-remove')).isEnabled(), false, 'a used photo cannot be removed');
    await h.screenshot('photos-library.png');
  });

  test('a square crop is applied in the library, with new renditions, and can be undone', async () => {
    await (await $id('media-crop')).click();
    await (await $id('crop-frame')).waitForDisplayed({ timeout: 10_000 });
    await (await $id('crop-1-1')).click();
    await (await $id('media-crop-apply')).click();
    await waitUntil(async () => /^800\s*×\s*800 px$/.test((await (await $id('media-size')).getText()).trim()), {
      timeoutMs: 15_000,
      message: 'the size line to show the square crop',
    });
    const preview = await $id('media-preview');
    await waitUntil(
      async () =>
        browser.execute((el) => el.complete && el.naturalWidth > 0 && el.naturalWidth === el.naturalHeight, preview),
      { timeoutMs: 15_000, message: 'the square rendition to load' },
    );
    await h.screenshot('photos-crop.png');
    await (await $id('media-crop-reset')).click();
    await waitUntil(async () => /^1\.200\s*×\s*800 px$/.test((await (await $id('media-size')).getText()).trim()), {
      timeoutMs: 15_000,
      message: 'the whole photo back',
    });
  });
});
