// End-to-end: the unit's details set in the real window reach the exported site. The
// writer fills in Cài đặt trang, a wrong web address is refused at its field with nothing
// saved, then the corrected settings are saved and the site exported from the app.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startHarness, waitUntil } from './harness.mjs';

const ADDRESS = 'Số 1, đường 19/5, thị trấn Yên Minh';
const PHONE = '0219 3880 123';

let h;
let browser;

const $id = (id) => browser.$(`[data-testid="${id}"]`);

async function fill(id, value) {
  const el = await $id(id);
  await el.waitForEnabled({ timeout: 10_000 });
  await el.click();
  await el.clearValue();
  await el.addValue(value);
}

describe('Site settings in the real window', { concurrency: false }, () => {
  before(async () => {
    h = await startHarness('settings');
    browser = await h.launchApp();
    await (await $id('site-settings')).waitForClickable({ timeout: 30_000 });
  });

  after(async () => {
    await h?.stop();
  });

  test('a wrong web address is refused at its field; the corrected settings reach the exported footer', async () => {
    await (await $id('site-settings')).click();
    await (await $id('site-settings-dialog')).waitForDisplayed({ timeout: 10_000 });
    await fill('settings-address', ADDRESS);
    await fill('settings-phone', PHONE);
    await fill('settings-base-url', 'tin.yenminh.vn');
    await (await $id('settings-save')).click();
    const error = await $id('settings-base-url-error');
    await error.waitForDisplayed({ timeout: 10_000 });
    assert.match(await error.getText(), /https:\/\//);

    await fill('settings-base-url', 'https://tin.yenminh.vn');
    await (await $id('settings-save')).click();
    await (await $id('site-settings-dialog')).waitForDisplayed({ reverse: true, timeout: 10_000 });

    // The app writes only where the user chose in a dialog (which WebDriver cannot drive)
    // or inside its own folder.
    const out = join(h.bantinHome, 'web');
    await (await $id('export-site')).click();
    await fill('export-folder', out);
    await (await $id('export-run')).click();
    await waitUntil(async () => /^Đã xuất \d+ bài/.test((await (await $id('export-result')).getText()) ?? ''), {
      timeoutMs: 30_000,
      message: 'the export to finish',
    });
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    assert.ok(home.includes(`Địa chỉ: ${ADDRESS}`), 'the address in the footer');
    assert.ok(home.includes(PHONE), 'the phone number in the footer');
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    assert.ok(feed.includes('<link>https://tin.yenminh.vn/index.html</link>'), 'absolute links in the feed');
  });
});
