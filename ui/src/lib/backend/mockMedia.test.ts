import { describe, expect, it } from 'vitest';
import { BackendError, type ArticleInput, type ImportProgress } from './backend';
import { MockBackend } from './mock';

const NO_TEXT = { caption: null, credit: null, alt: null };

const article = (body: string): ArticleInput => ({
  title: 'Bài có ảnh',
  sapo: '',
  body,
  authors: ['Kim Huệ'],
  unit: '',
  category: null,
  tags: [],
  status: 'draft',
});

describe('MockBackend photo library', () => {
  it('starts with the sample photos, newest first, with thumbnails it can show', async () => {
    const b = new MockBackend();
    const entries = await b.mediaList(null);
    expect(entries.map((e) => e.item.file_name)).toEqual([
      'keo-co-le-hoi.jpg',
      'hoi-nghi-chuyen-doi-so.jpg',
    ]);
    const [first] = entries;
    expect(first.thumbnail).toBe(`media/renditions/${first.item.hash}-o-thumb.jpg`);
    expect(b.photoUrl(first.thumbnail)).toMatch(/^data:image\/svg\+xml,/);
    expect(b.photoUrl(`media/${first.item.hash}.jpg`, 480)).toMatch(/^data:image\//);
    expect(b.photoUrl('D:\\Ảnh\\a.jpg')).toBeNull();
    expect(b.photoUrl('media/0000000000.jpg')).toBeNull();
  });

  it('searches caption, credit and file name without accents', async () => {
    const b = new MockBackend();
    const names = async (q: string) => (await b.mediaList(q)).map((e) => e.item.file_name);
    expect(await names('keo co')).toEqual(['keo-co-le-hoi.jpg']);
    expect(await names('MINH CHAU')).toEqual(['keo-co-le-hoi.jpg']);
    expect(await names('chuyen-doi')).toEqual(['hoi-nghi-chuyen-doi-so.jpg']);
    expect(await names('keo hoi nghi')).toEqual([]);
  });

  it('imports a batch in order, reporting progress, each file failing on its own', async () => {
    const b = new MockBackend({ photos: [] });
    b.failImport('hong.jpg', new BackendError('image_damaged', 'hong.jpg: unexpected end'));
    const progress: ImportProgress[] = [];
    const results = await b.mediaImport(
      ['/anh/a.jpg', '/anh/hong.jpg', '/anh/ghi-chu.docx', 'C:\\Ảnh\\b.PNG'],
      { caption: 'Lễ hội', credit: null, alt: null },
      (p) => progress.push(p),
    );
    expect(results.map((r) => r.error?.code ?? null)).toEqual([
      null,
      'image_damaged',
      'image_unsupported',
      null,
    ]);
    expect(results[3].imported?.item).toMatchObject({ file_name: 'b.PNG', ext: 'png' });
    expect(results[0].imported?.item.caption).toBe('Lễ hội');
    expect(progress).toEqual([
      { done: 1, total: 4, file_name: 'a.jpg' },
      { done: 2, total: 4, file_name: 'hong.jpg' },
      { done: 3, total: 4, file_name: 'ghi-chu.docx' },
      { done: 4, total: 4, file_name: 'b.PNG' },
    ]);
    expect((await b.mediaList(null)).map((e) => e.item.file_name).sort()).toEqual([
      'a.jpg',
      'b.PNG',
    ]);
  });

  it('recognises a photo imported twice and keeps one copy', async () => {
    const b = new MockBackend({ photos: [] });
    const [first] = await b.mediaImport(['/anh/a.jpg'], NO_TEXT, () => {});
    const [again] = await b.mediaImport(['/anh/a.jpg'], NO_TEXT, () => {});
    expect(first.imported?.created).toBe(true);
    expect(again.imported?.created).toBe(false);
    expect(again.imported?.item.id).toBe(first.imported?.item.id);
    expect(await b.mediaList(null)).toHaveLength(1);
  });

  it('imports pasted bytes and shows them as they are', async () => {
    const b = new MockBackend({ photos: [] });
    const imported = await b.mediaImportData('chup-man-hinh.png', 'iVBORw0KGgo=');
    expect(imported.item).toMatchObject({ file_name: 'chup-man-hinh.png', ext: 'png' });
    expect(b.photoUrl(`media/${imported.item.hash}.png`, 480)).toBe(
      'data:image/png;base64,iVBORw0KGgo=',
    );
    b.failImport('x.png', new BackendError('image_too_large', 'x.png: 40000 x 40000'));
    await expect(b.mediaImportData('x.png', 'AAAA')).rejects.toMatchObject({
      code: 'image_too_large',
    });
  });

  it('lists the articles that show a photo and refuses to remove it while they do', async () => {
    const b = new MockBackend();
    const [entry] = await b.mediaList('keo co');
    const ref = `media/${entry.item.hash}.${entry.item.ext}`;
    const a = await b.articleCreate(article(`Mở đầu.\n\n![Kéo co](${ref})\n*Kéo co*`), 'save');
    expect((await b.mediaGet(entry.item.id)).uses).toEqual([
      { article_id: a.id, title: 'Bài có ảnh' },
    ]);
    await expect(b.mediaRemove(entry.item.id)).rejects.toMatchObject({ code: 'in_use' });

    await b.articleUpdate(a.id, article('Không còn ảnh.'), 'save');
    expect((await b.mediaGet(entry.item.id)).uses).toEqual([]);
    await b.mediaRemove(entry.item.id);
    expect((await b.mediaList(null)).map((e) => e.item.id)).not.toContain(entry.item.id);
    await expect(b.mediaGet(entry.item.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('stores text composed and trimmed, and finds the photo by it', async () => {
    const b = new MockBackend();
    const [entry] = await b.mediaList(null);
    const item = await b.mediaUpdateText(entry.item.id, {
      caption: '  Đua thuyền trên sông '.normalize('NFD'),
      credit: 'Ảnh: Tùng Lâm',
      alt: '',
    });
    expect(item.caption).toBe('Đua thuyền trên sông');
    expect(item.caption).toBe(item.caption.normalize('NFC'));
    expect((await b.mediaList('dua thuyen')).map((e) => e.item.id)).toEqual([entry.item.id]);
  });

  it('turns a photo into new renditions and rejects an impossible edit', async () => {
    const b = new MockBackend();
    const [entry] = await b.mediaList('hoi nghi'); // 4000 × 3000
    const before = await b.mediaGet(entry.item.id);
    const after = await b.mediaSetEdit(entry.item.id, { rotate: 90, crop: null });
    expect(after.item.edit.rotate).toBe(90);
    expect(after.renditions.thumbnail.path).not.toBe(before.renditions.thumbnail.path);
    const widest = after.renditions.sizes[after.renditions.sizes.length - 1];
    expect(widest).toMatchObject({ width: 1600, height: 2133 });
    await expect(b.mediaSetEdit(entry.item.id, { rotate: 45, crop: null })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('crops a turned photo into renditions of the crop, as the server validates it', async () => {
    const b = new MockBackend();
    const [entry] = await b.mediaList('hoi nghi'); // 4000 × 3000, 3000 × 4000 once turned
    const before = await b.mediaGet(entry.item.id);
    const crop = { x: 0, y: 0.125, width: 1, height: 0.75 }; // a 3000 × 3000 square
    const after = await b.mediaSetEdit(entry.item.id, { rotate: 90, crop });
    expect(after.item.edit).toEqual({ rotate: 90, crop });
    const widest = after.renditions.sizes[after.renditions.sizes.length - 1];
    expect(widest).toMatchObject({ width: 1600, height: 1600 });
    expect(widest.path).not.toBe(before.renditions.sizes[2].path);
    // The placeholder shows the square part of the drawing.
    const svg = decodeURIComponent(b.photoUrl(widest.path)!);
    expect(svg).toContain('width="160" height="160" viewBox="0 26.67 160 160"');
    // The far edge may be a float error past the photo's, not more.
    const edge = { x: 0.25, y: 0.2, width: 0.75 + 1e-12, height: 0.8 };
    await expect(b.mediaSetEdit(entry.item.id, { rotate: 0, crop: edge })).resolves.toBeTruthy();

    const refused = [
      { x: 0.5, y: 0, width: 0.6, height: 1 },
      { x: 0.25, y: 0, width: 0.75 + 1e-6, height: 1 },
      { x: -0.1, y: 0, width: 0.5, height: 1 },
      { x: 0, y: 0, width: 0.009, height: 1 },
      { x: 0, y: Number.NaN, width: 1, height: 0.5 },
    ];
    for (const bad of refused) {
      await expect(b.mediaSetEdit(entry.item.id, { rotate: 0, crop: bad })).rejects.toMatchObject({
        code: 'invalid_input',
      });
    }
    expect((await b.mediaGet(entry.item.id)).item.edit.crop).toEqual(edge);
  });

  it('hands out picked files in order, then behaves like a cancelled dialog', async () => {
    const b = new MockBackend({ photoPicks: [['/anh/a.jpg', '/anh/b.jpg']] });
    expect(await b.pickPhotos()).toEqual(['/anh/a.jpg', '/anh/b.jpg']);
    expect(await b.pickPhotos()).toEqual([]);
  });

  it('passes files dropped on the window to listeners until they unsubscribe', async () => {
    const b = new MockBackend();
    const seen: unknown[] = [];
    const stop = await b.onFilesDropped((paths, at) => seen.push([paths, at]));
    b.dropFiles(['/anh/a.jpg'], { x: 10, y: 20 });
    stop();
    b.dropFiles(['/anh/b.jpg'], { x: 10, y: 20 });
    expect(seen).toEqual([[['/anh/a.jpg'], { x: 10, y: 20 }]]);
  });

  it('keeps each site’s library apart', async () => {
    const b = new MockBackend();
    await b.siteOpen('/home/bantin/trang-xa');
    expect(await b.mediaList(null)).toEqual([]);
  });
});
