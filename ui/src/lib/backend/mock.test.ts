import { describe, expect, it } from 'vitest';
import { BackendError, type ArticleInput, type ListFilter, type SiteSettings } from './backend';
import { MockBackend } from './mock';

const all: ListFilter = {
  query: null,
  status: null,
  category: null,
  author: null,
  month: null,
  limit: 100,
  offset: 0,
};

const input: ArticleInput = {
  title: 'Bài mới',
  sapo: '',
  body: '',
  authors: ['Kim Huệ'],
  unit: '',
  category: null,
  tags: [],
  status: 'draft',
};

async function titles(b: MockBackend, f: Partial<ListFilter>) {
  return (await b.articleList({ ...all, ...f })).items.map((i) => i.title);
}

describe('MockBackend search and filters', () => {
  const b = new MockBackend();

  it.each([
    ['hoa', 'Lễ hội văn hóa dân gian đầu xuân'],
    ['duong', 'Nâng cấp tuyến đường liên xã Bình Minh'],
    ['DUONG lien xa', 'Nâng cấp tuyến đường liên xã Bình Minh'],
    ['bong da', 'Giải bóng đá thiếu niên huyện khởi tranh'],
  ])('query %j finds %j first', async (query, title) => {
    expect((await titles(b, { query }))[0]).toBe(title);
  });

  it('requires every query word to match', async () => {
    expect(await titles(b, { query: 'bong da xuan' })).toEqual([]);
  });

  it('lists newest first without a query', async () => {
    const page = await b.articleList(all);
    const dates = page.items.map((i) => i.created_at);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(page.total).toBe(5);
  });

  it.each([
    [{ status: 'draft' as const }, 2],
    [{ category: 'Tin tức' }, 3],
    [{ category: 'Tin tức/Kinh tế' }, 2],
    [{ author: 'Kim Huệ' }, 2],
    [{ month: '2024-02' }, 2],
    [{ month: '2024-02', author: 'Minh Châu' }, 1],
  ])('filter %j → %d articles', async (f, count) => {
    expect((await b.articleList({ ...all, ...f })).total).toBe(count);
  });

  it('pages with limit and offset', async () => {
    const big = new MockBackend({ articles: [], generate: 250 });
    const page = await big.articleList({ ...all, limit: 100, offset: 200 });
    expect(page.total).toBe(250);
    expect(page.items).toHaveLength(50);
  });
});

describe('MockBackend months', () => {
  it('lists the months that have articles, newest first, with counts', async () => {
    expect(await new MockBackend().monthList()).toEqual([
      { month: '2024-03', article_count: 2 },
      { month: '2024-02', article_count: 2 },
      { month: '2024-01', article_count: 1 },
    ]);
  });

  it('takes month boundaries in Vietnam time (UTC+7), for the list and the filter alike', async () => {
    const at = (created_at: string) => ({ ...input, created_at });
    const b = new MockBackend({
      articles: [
        at('2023-12-31T16:59:59Z'), // 23:59:59 on 31/12 in Hà Nội
        at('2023-12-31T17:00:00Z'), // already 1/1
        at('2024-01-31T20:00:00Z'), // already 1/2
      ],
    });
    expect(await b.monthList()).toEqual([
      { month: '2024-02', article_count: 1 },
      { month: '2024-01', article_count: 1 },
      { month: '2023-12', article_count: 1 },
    ]);
    expect((await b.articleList({ ...all, month: '2024-01' })).total).toBe(1);
    expect((await b.articleList({ ...all, month: '2024-02' })).total).toBe(1);
  });

  it('counts a newly created article in the current month', async () => {
    const b = new MockBackend({ articles: [] });
    expect(await b.monthList()).toEqual([]);
    const created = await b.articleCreate(input, 'save');
    const months = await b.monthList();
    expect(months).toHaveLength(1);
    expect(months[0].article_count).toBe(1);
    expect((await b.articleList({ ...all, month: months[0].month })).items[0].id).toBe(created.id);
  });
});

describe('MockBackend writes', () => {
  it('rejects an empty title with invalid_input', async () => {
    const b = new MockBackend();
    await expect(b.articleCreate({ ...input, title: '   ' }, 'save')).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('reports not_found for an unknown id', async () => {
    const b = new MockBackend();
    const err = await b.articleGet(9999).catch((e) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err.code).toBe('not_found');
  });

  it('creates, then updates with a new revision', async () => {
    const b = new MockBackend();
    const created = await b.articleCreate(input, 'save');
    expect(created.slug).toBe('bai-moi');
    const updated = await b.articleUpdate(created.id, { ...input, title: 'Bài đã sửa' }, 'save');
    expect(updated.revision_id).toBe(created.revision_id + 1);
    expect((await b.articleGet(created.id)).title).toBe('Bài đã sửa');
    expect((await b.articleList(all)).items[0].id).toBe(created.id);
  });

  it('adds a typed category path and its parents to the category list', async () => {
    const b = new MockBackend();
    await b.articleCreate({ ...input, category: 'Chính trị/Đảng bộ' }, 'save');
    const cats = await b.categoryList();
    expect(cats.find((c) => c.path === 'Chính trị')).toMatchObject({ depth: 0 });
    expect(cats.find((c) => c.path === 'Chính trị/Đảng bộ')).toMatchObject({
      depth: 1,
      name: 'Đảng bộ',
      article_count: 1,
    });
  });
});

describe('MockBackend sites', () => {
  it('opens, rejects and creates sites', async () => {
    const b = new MockBackend({ folders: ['/tmp/moi'] });
    await expect(b.siteOpen('/tmp/too-new')).rejects.toMatchObject({ code: 'site_too_new' });
    await expect(b.siteOpen('/tmp/nothing')).rejects.toMatchObject({ code: 'not_a_site' });
    const path = await b.pickFolder();
    const site = await b.siteCreate(path!, 'Trang mới');
    expect(site).toEqual({ path: '/tmp/moi', name: 'Trang mới', article_count: 0 });
    expect((await b.siteRecent())[0]).toBe('/tmp/moi');
    expect(await b.pickFolder()).toBeNull();
  });
});

describe('MockBackend site settings', () => {
  // The sample of site_settings.rs, so the mock is held to the same answers.
  const sample: SiteSettings = {
    name: '  Trung tâm Văn hóa, Thể thao - Truyền thông huyện ',
    unit: 'UBND huyện',
    description: 'Trang tin của Trung tâm.',
    address: 'Số 1, thị trấn',
    phone: '0219 3880 123',
    email: 'ttvh@example.vn',
    base_url: 'https://tin.example.vn/',
    documents_category: 'Văn bản mới',
    media_widths: '480,960 , 1600',
  };

  it('saves them cleaned, and the site info takes the name', async () => {
    const b = new MockBackend();
    const saved = await b.siteSettingsSet({ ...sample, unit: 'UBND huyê\u0323n'.normalize('NFD') });
    expect(saved).toMatchObject({
      name: 'Trung tâm Văn hóa, Thể thao - Truyền thông huyện',
      unit: 'UBND huyện'.normalize('NFC'),
      base_url: 'https://tin.example.vn',
      media_widths: '480, 960, 1600',
    });
    expect(await b.siteSettingsGet()).toEqual(saved);
    expect((await b.siteCurrent()).name).toBe(saved.name);
  });

  it('starts from the site name with everything else empty', async () => {
    expect(await new MockBackend().siteSettingsGet()).toMatchObject({
      name: 'Trang tin huyện',
      base_url: '',
      media_widths: '',
    });
  });

  it.each([
    ['base_url', { base_url: 'tin.example.vn' }, 'base_url: must start with https:// or http://'],
    ['base_url', { base_url: 'https://' }, 'base_url: must start with https:// or http://'],
    ['email', { email: 'ttvh at example' }, 'email: is not an e-mail address'],
    [
      'media_widths',
      { media_widths: '480, lớn' },
      'media_widths: must be widths between 16 and 8192, separated by commas',
    ],
    [
      'media_widths',
      { media_widths: '8, 960' },
      'media_widths: must be widths between 16 and 8192, separated by commas',
    ],
    ['name', { name: ' ' }, 'name: the site needs a name'],
  ])('refuses a wrong %s by name and saves nothing', async (_field, broken, message) => {
    const b = new MockBackend();
    const before = await b.siteSettingsSet(sample);
    await expect(b.siteSettingsSet({ ...sample, unit: 'Đổi', ...broken })).rejects.toMatchObject({
      code: 'invalid_input',
      message,
    });
    expect(await b.siteSettingsGet()).toEqual(before);
  });

  it('takes empty optional fields', async () => {
    const b = new MockBackend();
    const empty = { ...sample, email: '', base_url: ' ', media_widths: '', unit: '' };
    expect(await b.siteSettingsSet(empty)).toMatchObject({ email: '', base_url: '', unit: '' });
  });
});
