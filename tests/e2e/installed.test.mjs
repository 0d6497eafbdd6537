// Smoke test of the installed package: the binary the .deb put on the system
// (BANTIN_APP, e.g. /usr/bin/bantin-app) opens its window on the sample site.
// Run by `cargo xtask test` after `apt-get install ./bantin….deb`.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { ARTIFACTS, APP_PATH, startHarness, waitUntil } from './harness.mjs';

const SAMPLE_SITE = 'Trung tâm Văn hóa, Thể thao - Truyền thông huyện';

let h;
let browser;

before(async () => {
  assert.ok(process.env.BANTIN_APP, 'BANTIN_APP names the installed binary');
  h = await startHarness('installed');
  browser = await h.launchApp();
});

after(async () => {
  await h?.stop();
});

test(`the installed app (${APP_PATH}) opens on the sample site`, async () => {
  const text = (sel) => browser.execute((s) => document.querySelector(s)?.innerText ?? null, sel);
  await waitUntil(async () => (await text('[data-testid="site-name"]')) === SAMPLE_SITE, {
    timeoutMs: 30_000,
    message: 'the sample site name in the header',
  });
  await waitUntil(async () => (await browser.$$('[data-testid="article-row"]')).length >= 4, {
    timeoutMs: 15_000,
    message: 'the sample articles in the list',
  });
  assert.equal(await text('[data-testid="error-banner"]'), null, 'no error shown');
  await browser.saveScreenshot(join(ARTIFACTS, 'installed.png'));
});
