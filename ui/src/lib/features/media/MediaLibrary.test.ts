import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../../../App.svelte';
import { MockBackend, type MockOptions } from '../../backend/mock';
import type { ArticleInput } from '../../backend/backend';

async function setup(opts: MockOptions = {}) {
  const backend = new MockBackend(opts);
  const user = userEvent.setup();
  render(App, { props: { backend } });
  await user.click(await screen.findByTestId('nav-media'));
  await screen.findByTestId('media-library');
  return { backend, user };
}

const tiles = () => screen.queryAllByTestId('media-tile');
const tileNames = () => tiles().map((t) => t.querySelector('.name')?.textContent);

async function photoId(backend: MockBackend, query: string) {
  return (await backend.mediaList(query))[0].item;
}

function articleShowing(reference: string, title = 'Ngày hội kéo co'): ArticleInput {
  return {
    title,
    sapo: '',
    body: `Mở đầu.\n\n![Kéo co](${reference})\n*Kéo co*`,
    authors: ['Minh Châu'],
    unit: '',
    category: null,
    tags: [],
    status: 'draft',
  };
}

describe('photo library', () => {
  it('lists the photos with caption and size, and finds them without accents', async () => {
    const { user } = await setup();
    await waitFor(() => expect(tiles()).toHaveLength(2));
    expect(screen.getByTestId('media-count')).toHaveTextContent('2 ảnh');
    const keoCo = tiles().find((t) => t.textContent?.includes('kéo co'))!;
    expect(keoCo).toHaveTextContent('3.000 × 4.000 px');
    expect(keoCo.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
    await user.type(screen.getByTestId('media-search'), 'keo co');
    await waitFor(() =>
      expect(tileNames()).toEqual(['Thi kéo co tại lễ hội văn hóa dân gian đầu xuân']),
    );
    await user.clear(screen.getByTestId('media-search'));
    await user.type(screen.getByTestId('media-search'), 'khong co anh nay');
    expect(await screen.findByText('Không tìm thấy ảnh phù hợp.')).toBeInTheDocument();
  });

  it('saves caption, credit and alt text when a field is left, composed', async () => {
    const { backend, user } = await setup();
    await waitFor(() => expect(tiles()).toHaveLength(2));
    await user.click(tiles()[0]);
    const caption = (await screen.findByTestId('media-caption')) as HTMLTextAreaElement;
    await waitFor(() => expect(caption.value).not.toBe(''));
    expect(screen.getByTestId('media-preview').getAttribute('src')).toMatch(/^data:image\//);
    await user.clear(caption);
    await user.type(caption, 'Đội xã Thanh Bình giành giải nhất'.normalize('NFD'));
    const credit = screen.getByTestId('media-credit');
    await user.click(credit); // leaving the caption saves it
    await waitFor(() => expect(screen.getByTestId('media-saved')).toHaveTextContent('Đã lưu'));
    const item = await photoId(backend, 'thanh binh');
    expect(item.caption).toBe('Đội xã Thanh Bình giành giải nhất'.normalize('NFC'));
    expect(tileNames()[0]).toBe('Đội xã Thanh Bình giành giải nhất'.normalize('NFC'));
  });

  it('turns a photo both ways', async () => {
    const { backend, user } = await setup();
    await waitFor(() => expect(tiles()).toHaveLength(2));
    const hoiNghi = tiles().find((t) => t.textContent?.includes('hội nghị'))!;
    await user.click(hoiNghi);
    expect(await screen.findByTestId('media-size')).toHaveTextContent('4.000 × 3.000 px');
    await user.click(screen.getByTestId('media-rotate-right'));
    await waitFor(() =>
      expect(screen.getByTestId('media-size')).toHaveTextContent('3.000 × 4.000 px'),
    );
    expect((await photoId(backend, 'hoi nghi')).edit.rotate).toBe(90);
    await waitFor(() => expect(hoiNghi).toHaveTextContent('3.000 × 4.000 px'));
    await user.click(screen.getByTestId('media-rotate-left'));
    await user.click(screen.getByTestId('media-rotate-left'));
    await waitFor(async () => expect((await photoId(backend, 'hoi nghi')).edit.rotate).toBe(270));
  });

  it('shows the articles using a photo, opens one, and will not remove the photo', async () => {
    const backend = new MockBackend();
    const item = await photoId(backend, 'keo co');
    await backend.articleCreate(articleShowing(`media/${item.hash}.${item.ext}`), 'save');
    const user = userEvent.setup();
    render(App, { props: { backend } });
    await user.click(await screen.findByTestId('nav-media'));
    await waitFor(() => expect(tiles()).toHaveLength(2));
    await user.click(tiles().find((t) => t.textContent?.includes('kéo co'))!);
    const use = await screen.findByTestId('media-use');
    expect(use).toHaveTextContent('Ngày hội kéo co');
    expect(screen.getByTestId('media-remove')).toBeDisabled();
    await user.click(use);
    await waitFor(() =>
      expect((screen.getByTestId('field-title') as HTMLTextAreaElement).value).toBe(
        'Ngày hội kéo co',
      ),
    );
    expect(screen.queryByTestId('media-library')).toBeNull();
    expect(screen.getByTestId('nav-articles')).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByTestId('figure-img')).toHaveAttribute(
      'src',
      expect.stringMatching(/^data:image\//),
    );
  });

  it('removes an unused photo after asking', async () => {
    const { backend, user } = await setup();
    await waitFor(() => expect(tiles()).toHaveLength(2));
    await user.click(tiles()[0]);
    await user.click(await screen.findByTestId('media-remove'));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Xóa ảnh này khỏi thư viện?');
    await user.click(screen.getByTestId('media-remove-confirm'));
    await waitFor(() => expect(tiles()).toHaveLength(1));
    expect(await backend.mediaList(null)).toHaveLength(1);
    expect(screen.queryByTestId('media-detail')).toBeNull();
  });

  it('says why a photo an article started using meanwhile cannot be removed', async () => {
    const { backend, user } = await setup();
    await waitFor(() => expect(tiles()).toHaveLength(2));
    const keoCo = tiles().find((t) => t.textContent?.includes('kéo co'))!;
    await user.click(keoCo);
    await user.click(await screen.findByTestId('media-remove'));
    const item = await photoId(backend, 'keo co');
    await backend.articleCreate(
      articleShowing(`media/${item.hash}.jpg`, 'Bài mới dùng ảnh'),
      'save',
    );
    await user.click(screen.getByTestId('media-remove-confirm'));
    expect(await screen.findByTestId('media-remove-error')).toHaveTextContent(
      'Ảnh đang được dùng trong bài viết nên không xóa được.',
    );
    expect(await screen.findByTestId('media-use')).toHaveTextContent('Bài mới dùng ảnh');
    expect(tiles()).toHaveLength(2);
  });

  it('imports picked files with a progress bar, names the ones that failed and why', async () => {
    const { user } = await setup({
      latency: 5,
      photoPicks: [['/home/kim/Ảnh/hoi-thi.jpg', '/home/kim/Ảnh/IMG_2041.HEIC']],
    });
    await waitFor(() => expect(tiles()).toHaveLength(2));
    await user.click(screen.getByTestId('media-import'));
    expect(await screen.findByTestId('import-progress')).toHaveTextContent(/Đang nhập ảnh \d\/2: /);
    const errors = await screen.findByTestId('import-errors');
    expect(
      within(errors)
        .getAllByTestId('import-error')
        .map((e) => e.textContent?.trim()),
    ).toEqual([
      'IMG_2041.HEIC: Tệp không phải ảnh JPEG, PNG hoặc WebP mà Bản Tin đọc được (ảnh HEIC từ điện thoại cần chuyển sang JPEG trước).',
    ]);
    await waitFor(() => expect(tiles()).toHaveLength(3));
    expect(screen.queryByTestId('import-progress')).toBeNull();
    // The new photo is shown, ready for its caption.
    expect(tiles()[0]).toHaveAttribute('aria-pressed', 'true');
    expect(tiles()[0]).toHaveTextContent('hoi-thi.jpg');
    await user.click(screen.getByTestId('import-errors-close'));
    expect(screen.queryByTestId('import-errors')).toBeNull();
  });

  it('imports files dropped from the file manager onto the library', async () => {
    const { backend } = await setup();
    await waitFor(() => expect(tiles()).toHaveLength(2));
    const library = screen.getByTestId('media-library');
    library.getBoundingClientRect = () => new DOMRect(0, 48, 1280, 752);
    backend.dropFiles(['/home/kim/Ảnh/dua-thuyen.jpg'], { x: 2000, y: 300 }); // outside
    backend.dropFiles(['/home/kim/Ảnh/keo-co-2.jpg'], { x: 600, y: 300 });
    await waitFor(() => expect(tiles()).toHaveLength(3));
    expect(tileNames()).not.toContain('dua-thuyen.jpg');
    expect(tileNames()[0]).toBe('keo-co-2.jpg');
  });

  it('speaks English', async () => {
    const { user } = await setup();
    await user.click(screen.getByTestId('lang-toggle'));
    expect(screen.getByTestId('nav-media')).toHaveTextContent('Photo library');
    expect(screen.getByTestId('media-import')).toHaveTextContent('Import photos…');
    await waitFor(() => expect(screen.getByTestId('media-count')).toHaveTextContent('2 photos'));
  });
});
