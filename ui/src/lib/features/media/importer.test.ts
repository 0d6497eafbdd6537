import { describe, expect, it, vi } from 'vitest';
import { BackendError, type ImportProgress } from '../../backend/backend';
import { MockBackend } from '../../backend/mock';
import { PhotoImporter } from './importer.svelte';
import { splitResults } from './imports';

const png = (name: string) =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], name, { type: 'image/png' });

function setup(opts: ConstructorParameters<typeof MockBackend>[0] = {}) {
  const backend = new MockBackend({ photos: [], ...opts });
  const report = vi.fn();
  return { backend, report, importer: new PhotoImporter(backend, report) };
}

describe('import results', () => {
  it('splits a batch into photos and failures named by file, in order', () => {
    const item = { id: 1 } as never;
    const outcome = splitResults([
      {
        path: '/anh/a.jpg',
        imported: { item, created: true, renditions: null as never },
        error: null,
      },
      {
        path: 'C:\\Ảnh\\lễ hội.heic'.normalize('NFD'),
        imported: null,
        error: { code: 'image_unsupported', message: 'lễ hội.heic: HEIC is not supported' },
      },
    ]);
    expect(outcome.items).toEqual([item]);
    expect(outcome.failures).toEqual([
      {
        file: 'lễ hội.heic'.normalize('NFC'),
        code: 'image_unsupported',
        message: 'lễ hội.heic: HEIC is not supported',
      },
    ]);
  });
});

describe('PhotoImporter', () => {
  it('imports picked files, showing progress, and keeps the failures to show', async () => {
    const { backend, importer } = setup({
      photoPicks: [['/anh/a.jpg', '/anh/hong.jpg', '/anh/b.webp']],
    });
    backend.failImport('hong.jpg', new BackendError('image_damaged', 'hong.jpg: cut short'));
    // What the writer sees each time the backend reports a file done.
    const seen: (ImportProgress | null)[] = [];
    const real = backend.mediaImport.bind(backend);
    const spy = vi
      .spyOn(backend, 'mediaImport')
      .mockImplementation((paths, text, onProgress) =>
        real(paths, text, (p) => (onProgress(p), seen.push(importer.progress))),
      );
    const items = await importer.pickAndImport();
    expect(spy).toHaveBeenCalledWith(
      ['/anh/a.jpg', '/anh/hong.jpg', '/anh/b.webp'],
      { caption: null, credit: null, alt: null },
      expect.any(Function),
    );
    expect(items.map((i) => i.file_name)).toEqual(['a.jpg', 'b.webp']);
    expect(seen.map((p) => p && `${p.done}/${p.total} ${p.file_name}`)).toEqual([
      '1/3 a.jpg',
      '2/3 hong.jpg',
      '3/3 b.webp',
    ]);
    expect(importer.progress).toBeNull();
    expect(importer.failures).toEqual([
      { file: 'hong.jpg', code: 'image_damaged', message: 'hong.jpg: cut short' },
    ]);
    importer.dismissFailures();
    expect(importer.failures).toEqual([]);
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { backend, importer } = setup();
    const spy = vi.spyOn(backend, 'mediaImport');
    expect(await importer.pickAndImport()).toEqual([]);
    expect(spy).not.toHaveBeenCalled();
  });

  it('reports a batch that fails as a whole (no site open)', async () => {
    const { importer, report } = setup({ noSite: true });
    expect(await importer.importPaths(['/anh/a.jpg'])).toEqual([]);
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ code: 'not_a_site' }));
    expect(importer.progress).toBeNull();
  });

  it('sends pasted or dropped files as base64 with a usable, composed name', async () => {
    const { backend, importer } = setup();
    backend.failImport('hong.png', new BackendError('image_damaged', 'hong.png: bad CRC'));
    const spy = vi.spyOn(backend, 'mediaImportData');
    const items = await importer.importFiles([
      png('Lễ hội.png'.normalize('NFD')),
      png('hong.png'),
      png('image.png'),
    ]);
    expect(spy.mock.calls[0]).toEqual(['Lễ hội.png'.normalize('NFC'), 'iVBORw==']);
    expect(spy.mock.calls[2][0]).toMatch(/^anh-dan-\d{8}-\d{6}-3\.png$/);
    expect(items).toHaveLength(2);
    expect(importer.failures).toEqual([
      { file: 'hong.png', code: 'image_damaged', message: 'hong.png: bad CRC' },
    ]);
  });

  it('runs a second import after the first instead of beside it', async () => {
    const { backend, importer } = setup({ latency: 5 });
    const order: string[] = [];
    const real = backend.mediaImport.bind(backend);
    vi.spyOn(backend, 'mediaImport').mockImplementation(async (paths, text, cb) => {
      order.push(`start ${paths[0]}`);
      const r = await real(paths, text, cb);
      order.push(`end ${paths[0]}`);
      return r;
    });
    await Promise.all([importer.importPaths(['/a.jpg']), importer.importPaths(['/b.jpg'])]);
    expect(order).toEqual(['start /a.jpg', 'end /a.jpg', 'start /b.jpg', 'end /b.jpg']);
  });

  it('lists the failures of imports started together, and forgets them at the next', async () => {
    const { importer } = setup({ latency: 5 });
    await Promise.all([
      importer.importPaths(['/anh/a.heic']),
      importer.importPaths(['/anh/b.jpg', '/anh/c.tiff']),
    ]);
    expect(importer.failures.map((f) => f.file)).toEqual(['a.heic', 'c.tiff']);
    await importer.importPaths(['/anh/d.jpg']);
    expect(importer.failures).toEqual([]);
  });
});
