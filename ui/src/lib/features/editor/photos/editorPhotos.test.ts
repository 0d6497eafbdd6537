import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import App from '../../../../App.svelte';
import { MockBackend, type MockOptions } from '../../../backend/mock';

beforeAll(() => {
  // jsdom lays nothing out; ProseMirror measures the cursor to scroll it into view after the
  // photos go in, so give ranges the empty boxes an unlaid-out page would have.
  const none = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getClientRects ??= none;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
});

/** The app with a sample article open in the editor. */
async function openArticle(opts: MockOptions = {}, title = 'chuyển đổi số') {
  const backend = new MockBackend(opts);
  const user = userEvent.setup();
  render(App, { props: { backend } });
  const row = (await screen.findAllByTestId('article-row')).find((r) =>
    r.textContent?.includes(title),
  )!;
  await user.click(row);
  const body = await screen.findByTestId('body-editor');
  return { backend, user, body, id: Number(row.dataset.id) };
}

const figures = () => screen.queryAllByTestId('figure');
const value = (el: Element, id: string) =>
  (within(el as HTMLElement).getByTestId(id) as HTMLInputElement).value;

/** A paste or drop event as the web view delivers it, carrying `files`. */
function transferEvent(type: 'paste' | 'drop', files: File[], data: Record<string, string> = {}) {
  const event = new Event(type, { bubbles: true, cancelable: true });
  const transfer = {
    files,
    types: files.length ? ['Files'] : [],
    getData: (t: string) => data[t] ?? '',
  };
  Object.defineProperty(event, type === 'paste' ? 'clipboardData' : 'dataTransfer', {
    value: transfer,
  });
  Object.assign(event, { clientX: 20, clientY: 20 });
  return event;
}

const png = (name: string) =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], name, { type: 'image/png' });

async function savedBody(backend: MockBackend, id: number) {
  let body = '';
  await waitFor(
    async () => {
      body = (await backend.articleGet(id)).body;
      expect(body).toContain('media/');
    },
    { timeout: 4000 },
  );
  return body;
}

describe('photos in the editor', () => {
  it('imports picked photos with a progress bar and inserts those that worked', async () => {
    const { backend, user, id } = await openArticle({
      latency: 5,
      photoPicks: [['/home/kim/Ảnh/hoi-nghi-2.jpg', '/home/kim/Ảnh/bao-cao.pdf']],
    });
    await user.click(screen.getByTestId('insert-photo'));
    expect(await screen.findByTestId('import-progress')).toHaveTextContent(/\/2: /);
    const failed = await screen.findByTestId('import-errors');
    expect(failed).toHaveTextContent('Không nhập được 1 tệp:');
    expect(failed).toHaveTextContent('bao-cao.pdf: Tệp không phải ảnh JPEG, PNG hoặc WebP');
    await waitFor(() => expect(figures()).toHaveLength(1));
    const img = within(figures()[0]).getByTestId('figure-img');
    expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
    const [item] = await backend.mediaList('hoi-nghi-2');
    expect(await savedBody(backend, id)).toContain(`(media/${item.item.hash}.jpg)`);
  });

  it('inserts a library photo with its caption, credit and alt text', async () => {
    const { backend, user, id } = await openArticle();
    await user.click(screen.getByTestId('insert-from-library'));
    const picker = await screen.findByTestId('media-picker');
    await user.type(within(picker).getByTestId('picker-search'), 'keo co');
    await waitFor(() => expect(within(picker).getAllByTestId('picker-tile')).toHaveLength(1));
    await user.click(within(picker).getByTestId('picker-tile'));
    expect(screen.queryByTestId('media-picker')).toBeNull();
    await waitFor(() => expect(figures()).toHaveLength(1));
    const caption = 'Thi kéo co tại lễ hội văn hóa dân gian đầu xuân';
    expect(value(figures()[0], 'figure-caption')).toBe(caption);
    expect(value(figures()[0], 'figure-credit')).toBe('Ảnh: Minh Châu');
    expect(value(figures()[0], 'figure-alt')).toBe(caption);
    const [entry] = await backend.mediaList('keo co');
    expect(await savedBody(backend, id)).toContain(
      `![${caption}](media/${entry.item.hash}.jpg "Ảnh: Minh Châu")\n*${caption}*`,
    );
    // The library now knows where the photo is used.
    expect((await backend.mediaGet(entry.item.id)).uses.map((u) => u.article_id)).toEqual([id]);
  });

  it('closes the library picker with Escape without inserting anything', async () => {
    const { user } = await openArticle();
    await user.click(screen.getByTestId('insert-from-library'));
    await screen.findByTestId('media-picker');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('media-picker')).toBeNull();
    expect(figures()).toHaveLength(0);
  });

  it('imports a pasted screenshot and inserts it, not the paste cleaning notice', async () => {
    const { backend, body } = await openArticle();
    const event = transferEvent('paste', [png('image.png')]);
    body.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await waitFor(() => expect(figures()).toHaveLength(1));
    expect(within(figures()[0]).getByTestId('figure-img')).toHaveAttribute(
      'src',
      'data:image/png;base64,iVBORw==',
    );
    expect(screen.queryByTestId('editor-notice')).toBeNull();
    expect((await backend.mediaList(null))[0].item.file_name).toMatch(/^anh-dan-.*\.png$/);
  });

  it('leaves a paste of text with a picture of it (Excel) to the text paste', async () => {
    const { body } = await openArticle();
    const event = transferEvent('paste', [png('image.png')], {
      'text/html': '<table><tr><td>Xã Pha Long</td></tr></table>',
    });
    body.dispatchEvent(event);
    await new Promise((r) => setTimeout(r, 50));
    expect(figures()).toHaveLength(0);
  });

  it('imports photos dragged in from a browser and inserts them', async () => {
    const { body } = await openArticle();
    const event = transferEvent('drop', [png('le-hoi.png'), new File(['x'], 'ghi-chu.txt')]);
    await fireEvent(body, event);
    expect(event.defaultPrevented).toBe(true);
    await waitFor(() => expect(figures()).toHaveLength(1));
  });

  it('shows a pasted file the library refuses, and inserts nothing for it', async () => {
    const { body } = await openArticle();
    body.dispatchEvent(transferEvent('paste', [new File([''], 'rong.png', { type: 'image/png' })]));
    expect(await screen.findByTestId('import-errors')).toHaveTextContent(
      'rong.png: Tệp không phải',
    );
    expect(figures()).toHaveLength(0);
  });

  it('imports files dropped from the file manager when they land on the editor', async () => {
    const { backend, body } = await openArticle();
    const editor = body.closest('.body-editor')!;
    editor.getBoundingClientRect = () => new DOMRect(400, 200, 600, 500);
    backend.dropFiles(['/home/kim/Ảnh/ngoai-le.jpg'], { x: 100, y: 300 }); // on the list
    backend.dropFiles(['/home/kim/Ảnh/keo-co-3.jpg', '/home/kim/Ảnh/keo-co-4.jpg'], {
      x: 600,
      y: 400,
    });
    await waitFor(() => expect(figures()).toHaveLength(2));
    const names = (await backend.mediaList(null)).map((e) => e.item.file_name);
    expect(names).toContain('keo-co-4.jpg');
    expect(names).not.toContain('ngoai-le.jpg');
  });

  it('shows a figure whose source is a file path as before, by its name', async () => {
    const old = {
      title: 'Bài cũ',
      sapo: '',
      body: '![Ảnh](<D:\\\\Ảnh\\\\le-hoi.jpg>)\n*Lễ hội*',
      authors: ['Kim Huệ'],
      unit: '',
      category: null,
      tags: [],
      status: 'draft' as const,
      created_at: '2024-01-15T03:00:00Z',
    };
    const { body } = await openArticle({ articles: [old] }, 'Bài cũ');
    await waitFor(() => expect(figures()).toHaveLength(1));
    expect(within(body).queryByTestId('figure-img')).toBeNull();
    expect(body.querySelector('.figure-missing')).toHaveTextContent('le-hoi.jpg');
  });
});
