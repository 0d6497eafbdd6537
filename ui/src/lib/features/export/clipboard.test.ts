import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyCancelled, copyRich, type RichCopy } from './clipboard';

/** A web view's clipboard: remembers what was written, and when. */
class FakeClipboardItem {
  constructor(readonly items: Record<string, Blob | Promise<Blob>>) {}
}

function installClipboard(write: (items: FakeClipboardItem[]) => Promise<void>) {
  vi.stubGlobal('ClipboardItem', FakeClipboardItem);
  Object.defineProperty(navigator, 'clipboard', { value: { write }, configurable: true });
}

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'clipboard');
});

async function flavours(item: FakeClipboardItem) {
  return {
    html: await (await item.items['text/html']).text(),
    text: await (await item.items['text/plain']).text(),
  };
}

describe('copyRich', () => {
  it('starts the clipboard write before the content is ready, then fills both flavours', async () => {
    const written: FakeClipboardItem[] = [];
    installClipboard(async (items) => {
      written.push(...items);
      await flavours(items[0]);
    });
    let resolve!: (c: RichCopy) => void;
    const content = new Promise<RichCopy>((r) => (resolve = r));
    const done = copyRich(content);
    // Still inside the click: the write has begun although the article is not rendered.
    expect(written).toHaveLength(1);
    resolve({ html: '<h2>Tiêu đề</h2>', text: 'Tiêu đề' });
    await done;
    expect(await flavours(written[0])).toEqual({ html: '<h2>Tiêu đề</h2>', text: 'Tiêu đề' });
  });

  it('passes on the reason the content could not be made', async () => {
    installClipboard(async (items) => {
      await flavours(items[0]);
    });
    await expect(copyRich(Promise.reject(new CopyCancelled()))).rejects.toBeInstanceOf(
      CopyCancelled,
    );
  });

  it('writes again with the content in hand when promised items are refused', async () => {
    const calls: FakeClipboardItem[][] = [];
    installClipboard(async (items) => {
      calls.push(items);
      if (calls.length === 1) throw new DOMException('no promises', 'NotAllowedError');
    });
    await copyRich(Promise.resolve({ html: '<p>Bài</p>', text: 'Bài' }));
    expect(calls).toHaveLength(2);
    expect(await flavours(calls[1][0])).toEqual({ html: '<p>Bài</p>', text: 'Bài' });
  });

  it('fails when the clipboard refuses twice', async () => {
    installClipboard(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    await expect(copyRich(Promise.resolve({ html: '<p>Bài</p>', text: 'Bài' }))).rejects.toThrow(
      'denied',
    );
  });
});
