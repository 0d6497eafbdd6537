import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { BackendError } from './lib/backend/backend';
import { MockBackend, type MockOptions } from './lib/backend/mock';

/** A search over every article, as the search box sends it. */
function searchFor(query: string) {
  return { query, status: null, category: null, author: null, month: null, limit: 10, offset: 0 };
}

function setup(opts: MockOptions = {}) {
  const backend = new MockBackend(opts);
  const user = userEvent.setup();
  render(App, { props: { backend } });
  return { backend, user };
}

const rowTitles = () =>
  screen.queryAllByTestId('article-row').map((r) => r.querySelector('.title')?.textContent);

describe('article list', () => {
  it('shows the count, translated badges and dd/mm/yyyy dates', async () => {
    setup();
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(5));
    expect(screen.getByTestId('article-count')).toHaveTextContent('5 bài viết');
    const row = screen
      .getAllByTestId('article-row')
      .find((r) => r.textContent?.includes('chuyển đổi số'))!;
    expect(row).toHaveTextContent('Đã đăng');
    expect(row).toHaveTextContent('15/01/2024');
    expect(screen.getAllByText('Bản nháp').length).toBeGreaterThan(0);
  });

  it('searching "hoa" finds the article titled with "hóa"', async () => {
    const { user } = setup();
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(5));
    await user.type(screen.getByTestId('search-input'), 'hoa');
    await waitFor(() => {
      expect(rowTitles()).toContain('Lễ hội văn hóa dân gian đầu xuân');
      expect(rowTitles()).not.toContain('Giải bóng đá thiếu niên huyện khởi tranh');
    });
  });

  it('when typing fast, only the last query’s results are shown', async () => {
    // The answer to the older query is slow and arrives after the newer one.
    const { user } = setup({
      latency: (method, args) =>
        method === 'articleList' && (args[0] as { query: string | null }).query === 'bong'
          ? 400
          : 5,
    });
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(5));
    const search = screen.getByTestId('search-input');
    await user.type(search, 'bong');
    await new Promise((r) => setTimeout(r, 200)); // debounce fired, "bong" is in flight
    await user.clear(search);
    await user.type(search, 'duong');
    await waitFor(() => expect(rowTitles()).toEqual(['Nâng cấp tuyến đường liên xã Bình Minh']));
    await new Promise((r) => setTimeout(r, 400)); // let the stale "bong" answer land
    expect(rowTitles()).toEqual(['Nâng cấp tuyến đường liên xã Bình Minh']);
    expect(screen.getByTestId('article-count')).toHaveTextContent('1 bài viết');
  });

  it('filters by status and category', async () => {
    const { user } = setup();
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(5));
    await user.selectOptions(screen.getByTestId('filter-status'), 'draft');
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(2));
    await user.selectOptions(screen.getByTestId('filter-category'), 'Tin tức/Kinh tế');
    await waitFor(() =>
      expect(rowTitles()).toEqual(['Hợp tác xã nông nghiệp ứng dụng công nghệ cao']),
    );
  });

  it('filters by a month chosen from the backend’s list', async () => {
    const { user } = setup();
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(5));
    const month = screen.getByTestId('filter-month') as HTMLSelectElement;
    await waitFor(() => expect(month.options).toHaveLength(4));
    expect([...month.options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Mọi tháng'],
      ['2024-03', 'Tháng 3/2024 (2)'],
      ['2024-02', 'Tháng 2/2024 (2)'],
      ['2024-01', 'Tháng 1/2024 (1)'],
    ]);
    await user.selectOptions(month, '2024-02');
    await waitFor(() =>
      expect(rowTitles()).toEqual([
        'Lễ hội văn hóa dân gian đầu xuân',
        'Nâng cấp tuyến đường liên xã Bình Minh',
      ]),
    );
    expect(screen.getByTestId('article-count')).toHaveTextContent('2 bài viết');
    await user.click(screen.getByRole('button', { name: 'Xóa bộ lọc' }));
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(5));
    expect(month.value).toBe('');
  });

  it('labels months in English and recounts them after a save', async () => {
    const { user } = setup({ articles: [], generate: 3 });
    await user.click(await screen.findByTestId('lang-toggle'));
    const month = screen.getByTestId('filter-month') as HTMLSelectElement;
    await waitFor(() =>
      expect([...month.options].map((o) => o.textContent)).toEqual(['All months', 'June 2014 (3)']),
    );
    await user.click(screen.getByTestId('new-article'));
    await user.type(screen.getByTestId('field-title'), 'A new piece');
    await user.click(screen.getByTestId('save-article'));
    await waitFor(() => expect(month.options).toHaveLength(3));
    expect(month.options[1].textContent).toMatch(/^[A-Z][a-z]+ \d{4} \(1\)$/);
    expect(month.options[2].textContent).toBe('June 2014 (3)');
  });

  it('a query typed with Unikey off finds the article and says what it searched', async () => {
    const { user } = setup();
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(5));
    const search = screen.getByTestId('search-input');
    await user.type(search, 'hooij nghij');
    await waitFor(() => {
      expect(screen.getByTestId('decoded-query')).toHaveTextContent('Kết quả cho: hội nghị');
      expect(rowTitles()).toContain('Hội nghị tổng kết công tác chuyển đổi số năm 2024');
    });
    // A query typed as meant says nothing more.
    await user.clear(search);
    await user.type(search, 'hoi nghi');
    await waitFor(() => expect(screen.queryByTestId('decoded-query')).toBeNull());
    expect(rowTitles()).toContain('Hội nghị tổng kết công tác chuyển đổi số năm 2024');
  });

  it('shows an empty state when nothing matches', async () => {
    const { user } = setup();
    await user.type(await screen.findByTestId('search-input'), 'khongcobaiviet');
    expect(await screen.findByText('Không tìm thấy bài viết phù hợp.')).toBeInTheDocument();
    expect(screen.getByTestId('article-count')).toHaveTextContent('0 bài viết');
  });

  it('renders only a window of rows for 10,000 articles and loads pages on scroll', async () => {
    const { backend } = setup({ articles: [], generate: 10_000 });
    const spy = vi.spyOn(backend, 'articleList');
    await waitFor(() =>
      expect(screen.getByTestId('article-count')).toHaveTextContent('10.000 bài viết'),
    );
    await waitFor(() => expect(screen.getAllByTestId('article-row').length).toBeGreaterThan(5));
    expect(screen.getAllByTestId('article-row').length).toBeLessThan(60);

    const viewport = screen.getByTestId('article-list');
    viewport.scrollTop = 36 * 5000;
    await fireEvent.scroll(viewport);
    await waitFor(() => {
      const indices = screen
        .getAllByTestId('article-row')
        .map((r) => Number(r.getAttribute('data-index')));
      expect(indices).toContain(5000);
    });
    expect(screen.getAllByTestId('article-row').length).toBeLessThan(60);
    expect(spy.mock.calls.every(([f]) => f.limit === 100)).toBe(true);
  });
});

describe('article form', () => {
  it('creates an article that then appears in the list', async () => {
    const { backend, user } = setup();
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(5));
    await user.click(screen.getByTestId('new-article'));
    await user.type(screen.getByTestId('field-title'), 'Khai mạc hội chợ nông sản');
    await user.type(screen.getByTestId('field-sapo'), 'Hội chợ diễn ra trong 3 ngày.');
    await user.type(screen.getByTestId('field-authors'), 'Kim Huệ, Tùng Lâm');
    await user.type(screen.getByTestId('field-category'), 'Tin tức/Kinh tế');
    await user.type(screen.getByTestId('field-tags'), 'hội chợ, nông sản');
    expect(screen.getByTestId('save-state')).toHaveTextContent('Có thay đổi chưa lưu');
    await user.click(screen.getByTestId('save-article'));

    await waitFor(() =>
      expect(screen.getByTestId('save-state')).toHaveTextContent(/^Đã lưu lúc \d\d:\d\d$/),
    );
    await waitFor(() => expect(rowTitles()).toContain('Khai mạc hội chợ nông sản'));
    expect(screen.getByTestId('article-count')).toHaveTextContent('6 bài viết');

    const row = screen
      .getAllByTestId('article-row')
      .find((r) => r.textContent?.includes('hội chợ'))!;
    const saved = await backend.articleGet(Number(row.dataset.id));
    expect(saved.authors).toEqual(['Kim Huệ', 'Tùng Lâm']);
    expect(saved.tags).toEqual(['hội chợ', 'nông sản']);
    expect(saved.category).toBe('Tin tức/Kinh tế');
    expect(saved.status).toBe('draft');
  });

  it('edits an existing article and saves with Ctrl+S', async () => {
    const { backend, user } = setup();
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(5));
    const row = screen
      .getAllByTestId('article-row')
      .find((r) => r.textContent?.includes('bóng đá'))!;
    await user.click(row);
    const title = screen.getByTestId('field-title') as HTMLInputElement;
    await waitFor(() => expect(title.value).toBe('Giải bóng đá thiếu niên huyện khởi tranh'));
    // The slug may be cut with an ellipsis; hovering shows it whole.
    const slug = 'giai-bong-da-thieu-nien-huyen-khoi-tranh';
    expect(screen.getByText(slug)).toHaveAttribute('title', slug);
    expect((screen.getByTestId('field-authors') as HTMLInputElement).value).toBe('Tùng Lâm');
    await user.selectOptions(screen.getByTestId('field-status'), 'published');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Đã lưu lúc'));
    expect((await backend.articleGet(Number(row.dataset.id))).status).toBe('published');
    await waitFor(() =>
      expect(
        screen.getAllByTestId('article-row').find((r) => r.textContent?.includes('bóng đá')),
      ).toHaveTextContent('Đã đăng'),
    );
  });

  it('keeps text typed before a title, under a placeholder title the checklist flags', async () => {
    const { backend, user } = setup();
    await user.click(await screen.findByTestId('new-article'));
    await user.type(screen.getByTestId('field-sapo'), 'Chỉ có sa-pô');
    await waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Đã lưu lúc'), {
      timeout: 4000,
    });
    const page = await backend.articleList(searchFor('sa-pô'));
    expect(page.items.map((a) => a.title)).toEqual(['Bài chưa có tiêu đề']);
    await user.click(screen.getByTestId('tab-checks'));
    const item = screen
      .getAllByTestId('check-item')
      .find((i) => i.dataset.rule === 'titlePresent')!;
    expect(item).toHaveAttribute('data-ok', 'false');
    expect(item).toHaveTextContent('Bài chưa có tiêu đề');
    await user.click(within(item).getByRole('button'));
    expect(screen.getByTestId('field-title')).toHaveFocus();
  });

  it('saves on its own within two seconds, and a failed save is shown, kept and retried', async () => {
    const { backend, user } = setup();
    backend.failSaves(new BackendError('disk_full', 'no space left on device'));
    await user.click(await screen.findByTestId('new-article'));
    await user.type(screen.getByTestId('field-title'), 'Ổ đĩa đầy');
    await waitFor(
      () =>
        expect(screen.getByTestId('save-state')).toHaveTextContent(
          'Lỗi khi lưu: Ổ đĩa đã đầy. Hãy giải phóng dung lượng rồi thử lại.',
        ),
      { timeout: 4000 },
    );
    expect(screen.getByTestId('error-banner')).toHaveTextContent('Ổ đĩa đã đầy');
    expect((screen.getByTestId('field-title') as HTMLInputElement).value).toBe('Ổ đĩa đầy');
    await waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Đã lưu lúc'), {
      timeout: 5000,
    });
    await waitFor(() =>
      expect(
        screen.getAllByTestId('article-row').some((r) => r.textContent?.includes('Ổ đĩa đầy')),
      ).toBe(true),
    );
  });

  it('closing the window saves the article being edited first', async () => {
    const { backend, user } = setup();
    await user.click(await screen.findByTestId('new-article'));
    await user.type(screen.getByTestId('field-title'), 'Đóng cửa sổ');
    expect(await backend.requestClose()).toBe(true);
    const page = await backend.articleList(searchFor('dong cua so'));
    expect(page.total).toBe(1);
  });

  it('restores an older revision as a new one, signed with the writer name', async () => {
    const { backend, user } = setup();
    await user.click(await screen.findByTestId('writer-name'));
    await user.type(screen.getByTestId('writer-name-input'), 'Kim Huệ');
    await user.click(screen.getByTestId('writer-name-save'));
    await waitFor(() => expect(screen.getByTestId('writer-name')).toHaveTextContent('Kim Huệ'));

    await user.click(await screen.findByTestId('new-article'));
    await user.type(screen.getByTestId('field-title'), 'Bản đầu');
    await user.click(screen.getByTestId('save-article'));
    await waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Đã lưu lúc'));
    const title = screen.getByTestId('field-title') as HTMLInputElement;
    await user.clear(title);
    await user.type(title, 'Bản sau');
    await user.click(screen.getByTestId('save-article'));
    await waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Đã lưu lúc'));

    await user.click(screen.getByTestId('tab-revisions'));
    await waitFor(() => expect(screen.getAllByTestId('revision-item')).toHaveLength(2));
    expect(screen.getAllByTestId('revision-item')[1]).toHaveTextContent('Kim Huệ');
    await user.click(screen.getAllByTestId('revision-item')[1]);
    const diff = await screen.findByTestId('revision-diff');
    expect(diff.querySelector('del')).toHaveTextContent('đầu');
    expect(diff.querySelector('ins')).toHaveTextContent('sau');
    await user.click(screen.getByTestId('revision-restore'));
    await waitFor(() => expect(title.value).toBe('Bản đầu'));
    await waitFor(() => expect(screen.getAllByTestId('revision-item')).toHaveLength(3));
    expect(screen.getAllByTestId('revision-item')[0]).toHaveTextContent('khôi phục');
    const id = Number(
      screen.getAllByTestId('article-row').find((r) => r.textContent?.includes('Bản đầu'))!.dataset
        .id,
    );
    expect((await backend.articleGet(id)).title).toBe('Bản đầu');
  });

  it('sends decomposed (NFD) input as NFC', async () => {
    const { backend, user } = setup();
    const create = vi.spyOn(backend, 'articleCreate');
    const list = vi.spyOn(backend, 'articleList');
    await user.click(await screen.findByTestId('new-article'));
    const nfdTitle = 'Lễ hội Văn hóa'.normalize('NFD');
    await fireEvent.input(screen.getByTestId('field-title'), { target: { value: nfdTitle } });
    await fireEvent.input(screen.getByTestId('field-authors'), {
      target: { value: 'Kim Huệ'.normalize('NFD') },
    });
    await user.click(screen.getByTestId('save-article'));
    await waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.calls[0][0].title).toBe('Lễ hội Văn hóa'.normalize('NFC'));
    expect(create.mock.calls[0][0].authors).toEqual(['Kim Huệ'.normalize('NFC')]);

    await fireEvent.input(screen.getByTestId('search-input'), {
      target: { value: 'văn hóa'.normalize('NFD') },
    });
    await waitFor(() =>
      expect(list.mock.calls.some(([f]) => f.query === 'văn hóa'.normalize('NFC'))).toBe(true),
    );
  });

  it('lets authors be reordered and removed', async () => {
    const { user } = setup();
    await user.click(await screen.findByTestId('new-article'));
    const authors = screen.getByTestId('field-authors') as HTMLInputElement;
    await user.type(authors, 'Kim Huệ - Tùng Lâm');
    const chips = screen.getByTestId('author-chips');
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['Kim Huệ', 'Tùng Lâm']);
    await user.click(within(chips).getByRole('button', { name: 'Đưa Tùng Lâm lên trước' }));
    expect(authors.value).toBe('Tùng Lâm, Kim Huệ');
    await user.click(within(chips).getByRole('button', { name: 'Bỏ Kim Huệ' }));
    expect(authors.value).toBe('Tùng Lâm');
  });

  it('switching article saves the one being edited, without asking', async () => {
    const { backend, user } = setup();
    await user.click(await screen.findByTestId('new-article'));
    await user.type(screen.getByTestId('field-title'), 'Bản thảo dở dang');
    await user.click(screen.getAllByTestId('article-row')[0]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const page = await backend.articleList(searchFor('dở dang'));
    expect(page.total).toBe(1);
  });

  it('asks before leaving when the unsaved text cannot be saved', async () => {
    const { backend, user } = setup();
    const locked = new BackendError('busy', 'database is locked');
    backend.failSaves(locked, locked, locked);
    await user.click(await screen.findByTestId('new-article'));
    await user.type(screen.getByTestId('field-title'), 'Bản thảo dở dang');
    await user.click(screen.getAllByTestId('article-row')[0]);
    expect(await screen.findByRole('alertdialog')).toHaveTextContent('Chưa lưu được');
    expect((screen.getByTestId('field-title') as HTMLInputElement).value).toBe('Bản thảo dở dang');
    await user.click(screen.getByTestId('discard-changes'));
    await waitFor(() =>
      expect((screen.getByTestId('field-title') as HTMLInputElement).value).not.toBe(
        'Bản thảo dở dang',
      ),
    );
  });
});

describe('language and sites', () => {
  it('switching language changes the labels', async () => {
    const { user } = setup();
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(5));
    expect(screen.getByTestId('new-article')).toHaveTextContent('Bài viết mới');
    await user.click(screen.getByTestId('lang-toggle'));
    expect(screen.getByTestId('new-article')).toHaveTextContent('New article');
    expect(screen.getByTestId('article-count')).toHaveTextContent('5 articles');
    expect(screen.getAllByText('Draft').length).toBeGreaterThan(0);
    expect(screen.getByTestId('lang-toggle')).toHaveTextContent('Tiếng Việt');
    await user.click(screen.getByTestId('lang-toggle'));
    expect(screen.getByTestId('new-article')).toHaveTextContent('Bài viết mới');
  });

  it('switches to a recent site', async () => {
    const { user } = setup();
    await waitFor(() =>
      expect(screen.getByTestId('site-name')).toHaveTextContent('Trang tin huyện'),
    );
    await user.click(screen.getByTestId('site-switcher'));
    const recent = await screen.findAllByTestId('recent-site');
    await user.click(recent.find((b) => b.textContent?.includes('trang-xa'))!);
    await waitFor(() => expect(screen.getByTestId('site-name')).toHaveTextContent('Trang tin xã'));
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(2));
  });

  it('shows site_too_new in Vietnamese when opening a newer database', async () => {
    const { user } = setup({ folders: ['/media/usb/too-new'] });
    await user.click(await screen.findByTestId('site-switcher'));
    await user.click(screen.getByTestId('site-open'));
    expect(await screen.findByTestId('error-banner')).toHaveTextContent(
      'Cơ sở dữ liệu này được tạo bởi phiên bản Bản Tin mới hơn',
    );
    expect(screen.getByTestId('site-name')).toHaveTextContent('Trang tin huyện');
  });

  it('says so at start when the last used site did not open', async () => {
    const backend = new MockBackend();
    backend.startupFailure = new BackendError(
      'site_too_new',
      '/media/usb/too-new: database version 9',
    );
    render(App, { props: { backend } });
    const banner = await screen.findByTestId('error-banner');
    expect(banner).toHaveTextContent('Cơ sở dữ liệu này được tạo bởi phiên bản Bản Tin mới hơn');
    expect(banner).toHaveTextContent('/media/usb/too-new');
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(5));
  });

  it('creates a new site from a picked folder and a typed name', async () => {
    const { user } = setup({ folders: ['/home/bantin/trang-moi'] });
    await user.click(await screen.findByTestId('site-switcher'));
    await user.click(screen.getByTestId('site-create'));
    await user.type(await screen.findByTestId('site-create-name'), 'Trang tin mới');
    await user.click(screen.getByRole('button', { name: 'Tạo trang' }));
    await waitFor(() => expect(screen.getByTestId('site-name')).toHaveTextContent('Trang tin mới'));
    expect(await screen.findByText(/Chưa có bài viết nào/)).toBeInTheDocument();
  });

  it('starts without a site and offers to open one', async () => {
    setup({ noSite: true });
    expect(await screen.findByText('Chưa mở trang nào')).toBeInTheDocument();
    expect(screen.getByTestId('site-name')).toHaveTextContent('Chưa mở trang');
    expect(screen.queryByTestId('error-banner')).not.toBeInTheDocument();
  });
});

describe('preview and export', () => {
  it('previews the text being typed in a sandboxed frame, at desktop and phone widths', async () => {
    const { backend, user } = setup();
    await user.click((await screen.findAllByTestId('article-row'))[0]);
    await waitFor(() =>
      expect((screen.getByTestId('field-title') as HTMLTextAreaElement).value).not.toBe(''),
    );
    await user.click(screen.getByTestId('preview-toggle'));
    const frame = screen.getByTestId('preview-frame') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    const title = screen.getByTestId('field-title') as HTMLTextAreaElement;
    await user.type(title, ' mới');
    await waitFor(() => expect(frame.getAttribute('srcdoc')).toContain(`${title.value}</h1>`));
    expect(backend.previews[backend.previews.length - 1]?.input.title).toBe(title.value);
    await user.click(screen.getByTestId('preview-phone'));
    expect(frame.parentElement).toHaveClass('phone');
    await user.click(screen.getByTestId('preview-home'));
    await waitFor(() => expect(frame.getAttribute('srcdoc')).toContain('<ul>'));
  });

  it('exports the site with a progress bar and says what it wrote', async () => {
    const { backend, user } = setup({ latency: 5 });
    await user.click(await screen.findByTestId('export-site'));
    await user.type(screen.getByTestId('export-folder'), '/home/bantin/web');
    await user.click(screen.getByTestId('export-run'));
    expect(await screen.findByTestId('export-progress')).toBeInTheDocument();
    expect(await screen.findByTestId('export-result')).toHaveTextContent(/^Đã xuất \d+ bài/);
    expect(backend.exported).toEqual(['/home/bantin/web']);
  });

  it('stops at a file it did not make, says so, and on request moves it aside', async () => {
    const { backend, user } = setup({ latency: 5 });
    backend.foreignFiles.set('/home/bantin/web', 'index.html');
    await user.click(await screen.findByTestId('export-site'));
    await user.type(screen.getByTestId('export-folder'), '/home/bantin/web');
    await user.click(screen.getByTestId('export-run'));
    expect(await screen.findByRole('alert')).toHaveTextContent('không do Bản Tin tạo');
    expect(backend.exported).toEqual([]);
    await user.click(await screen.findByTestId('export-move-aside'));
    expect(await screen.findByTestId('export-moved-aside')).toHaveTextContent(
      'index.html → index.html.bak',
    );
    expect(await screen.findByTestId('export-result')).toHaveTextContent(/^Đã xuất \d+ bài/);
    expect(backend.exported).toEqual(['/home/bantin/web']);
  });

  it('copies an article for the portal as HTML and text', async () => {
    const { user } = setup();
    const exec = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    await user.click((await screen.findAllByTestId('article-row'))[0]);
    await waitFor(() => expect(screen.getByTestId('copy-portal')).toBeEnabled());
    await user.click(screen.getByTestId('copy-portal'));
    await waitFor(() => expect(exec).toHaveBeenCalledWith('copy'));
    expect(screen.getByTestId('form-notice')).toHaveTextContent('Đã sao chép bài viết');
  });

  it('says so when the clipboard refuses the article, instead of claiming it was copied', async () => {
    const { user } = setup();
    vi.stubGlobal(
      'ClipboardItem',
      class {
        constructor(readonly items: Record<string, unknown>) {}
      },
    );
    const write = vi.fn(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    Object.defineProperty(navigator, 'clipboard', { value: { write }, configurable: true });
    try {
      await user.click((await screen.findAllByTestId('article-row'))[0]);
      await waitFor(() => expect(screen.getByTestId('copy-portal')).toBeEnabled());
      await user.click(screen.getByTestId('copy-portal'));
      await waitFor(() =>
        expect(screen.getByTestId('form-notice')).toHaveTextContent('Không sao chép được bài viết'),
      );
      expect(write).toHaveBeenCalledTimes(2);
    } finally {
      vi.unstubAllGlobals();
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });
});
