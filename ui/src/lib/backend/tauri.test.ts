import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

// Tauri events, played by hand: `listeners` holds what the backend subscribed to.
type Listener = (e: { payload: unknown }) => void;
const listeners = new Map<string, Listener>();
const unlisten = vi.fn();
vi.mock('@tauri-apps/api/event', () => ({
  listen: async (name: string, cb: Listener) => {
    listeners.set(name, cb);
    return () => {
      listeners.delete(name);
      unlisten(name);
    };
  },
}));
let dragDrop: Listener | null = null;
vi.mock('@tauri-apps/api/webview', () => ({
  getCurrentWebview: () => ({
    onDragDropEvent: async (cb: Listener) => {
      dragDrop = cb;
      return () => (dragDrop = null);
    },
  }),
}));

const { TauriBackend } = await import('./tauri');
const { BackendError } = await import('./backend');

describe('TauriBackend', () => {
  beforeEach(() => {
    invoke.mockReset();
  });

  it('passes arguments with the command names the Rust side registers', async () => {
    invoke.mockResolvedValue({ path: '/p', name: 'N', article_count: 1 });
    const b = new TauriBackend();
    await b.siteOpen('/p');
    expect(invoke).toHaveBeenCalledWith('site_open', { path: '/p' });
    invoke.mockResolvedValue({ items: [], total: 0 });
    await b.articleList({
      query: 'hoa',
      status: null,
      category: null,
      author: null,
      month: null,
      limit: 100,
      offset: 0,
    });
    expect(invoke).toHaveBeenLastCalledWith('article_list', {
      filter: expect.objectContaining({ query: 'hoa' }),
    });
    invoke.mockResolvedValue([{ month: '2026-11', article_count: 12 }]);
    expect(await b.monthList()).toEqual([{ month: '2026-11', article_count: 12 }]);
    expect(invoke).toHaveBeenLastCalledWith('month_list');
  });

  it('sends the site settings as one object and names a refused field', async () => {
    const settings = {
      name: 'Trang tin huyện',
      unit: '',
      description: '',
      address: '',
      phone: '',
      email: '',
      base_url: 'tin.example.vn',
      documents_category: '',
      media_widths: '',
    };
    invoke.mockResolvedValue(settings);
    expect(await new TauriBackend().siteSettingsGet()).toEqual(settings);
    expect(invoke).toHaveBeenLastCalledWith('site_settings_get');
    invoke.mockImplementation(() =>
      Promise.reject({
        code: 'invalid_input',
        message: 'base_url: must start with https:// or http://',
      }),
    );
    await expect(new TauriBackend().siteSettingsSet(settings)).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'base_url: must start with https:// or http://',
    });
    expect(invoke).toHaveBeenLastCalledWith('site_settings_set', { settings });
  });

  it('turns a CommandError into a BackendError with its code', async () => {
    invoke.mockImplementation(() =>
      Promise.reject({ code: 'disk_full', message: 'no space left on device' }),
    );
    const err = await new TauriBackend().articleGet(1).catch((e) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err).toMatchObject({ code: 'disk_full', message: 'no space left on device' });
  });

  it('maps anything unexpected to internal', async () => {
    invoke.mockImplementation(() => Promise.reject(new Error('IPC gone')));
    await expect(new TauriBackend().authorList()).rejects.toMatchObject({
      code: 'internal',
      message: 'IPC gone',
    });
    invoke.mockImplementation(() => Promise.reject('command article_get not found'));
    await expect(new TauriBackend().articleGet(1)).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('TauriBackend photos', () => {
  beforeEach(() => {
    invoke.mockReset();
    unlisten.mockReset();
  });

  it('imports with the progress events the command sends, and stops listening after', async () => {
    const progress: unknown[] = [];
    invoke.mockImplementation(async (cmd: string) => {
      expect(cmd).toBe('media_import');
      listeners.get('media-import-progress')?.({
        payload: { done: 1, total: 1, file_name: 'a.jpg' },
      });
      return [{ path: '/anh/a.jpg', imported: null, error: { code: 'in_use', message: 'x' } }];
    });
    const text = { caption: null, credit: null, alt: null };
    const results = await new TauriBackend().mediaImport(['/anh/a.jpg'], text, (p) =>
      progress.push(p),
    );
    expect(invoke).toHaveBeenCalledWith('media_import', { paths: ['/anh/a.jpg'], text });
    expect(progress).toEqual([{ done: 1, total: 1, file_name: 'a.jpg' }]);
    expect(results[0].error?.code).toBe('in_use');
    expect(unlisten).toHaveBeenCalledWith('media-import-progress');
  });

  it('stops listening for progress when the import fails as a whole', async () => {
    invoke.mockImplementation(() => Promise.reject({ code: 'not_a_site', message: 'no site' }));
    await expect(
      new TauriBackend().mediaImport(
        ['/a.jpg'],
        { caption: null, credit: null, alt: null },
        () => {},
      ),
    ).rejects.toMatchObject({ code: 'not_a_site' });
    expect(unlisten).toHaveBeenCalledWith('media-import-progress');
  });

  it('names the media commands as the Rust side registers them', async () => {
    const b = new TauriBackend();
    invoke.mockResolvedValue([]);
    await b.mediaList('keo co');
    expect(invoke).toHaveBeenLastCalledWith('media_list', { query: 'keo co' });
    await b.pickPhotos();
    expect(invoke).toHaveBeenLastCalledWith('pick_photos');
    invoke.mockResolvedValue(null);
    await b.mediaRemove(3);
    expect(invoke).toHaveBeenLastCalledWith('media_remove', { id: 3 });
    await b.mediaImportData('a.png', 'AAAA');
    expect(invoke).toHaveBeenLastCalledWith('media_import_data', {
      fileName: 'a.png',
      dataBase64: 'AAAA',
    });
    await b.mediaSetEdit(3, { rotate: 90, crop: null });
    expect(invoke).toHaveBeenLastCalledWith('media_set_edit', {
      id: 3,
      edit: { rotate: 90, crop: null },
    });
  });

  it('translates the new error codes like the others', async () => {
    invoke.mockImplementation(() =>
      Promise.reject({ code: 'in_use', message: 'photo 3 is shown by 1 article' }),
    );
    await expect(new TauriBackend().mediaRemove(3)).rejects.toMatchObject({
      code: 'in_use',
      message: 'photo 3 is shown by 1 article',
    });
  });

  it('reports dropped files in CSS pixels, ignoring hovering and empty drops', async () => {
    const ratio = window.devicePixelRatio;
    Object.defineProperty(window, 'devicePixelRatio', { value: 2, configurable: true });
    try {
      const seen: unknown[] = [];
      const stop = await new TauriBackend().onFilesDropped((paths, at) => seen.push([paths, at]));
      dragDrop?.({ payload: { type: 'over', position: { x: 100, y: 100 } } });
      dragDrop?.({ payload: { type: 'drop', paths: [], position: { x: 100, y: 100 } } });
      dragDrop?.({
        payload: { type: 'drop', paths: ['/anh/a.jpg'], position: { x: 300, y: 120 } },
      });
      expect(seen).toEqual([[['/anh/a.jpg'], { x: 150, y: 60 }]]);
      stop();
      expect(dragDrop).toBeNull();
    } finally {
      Object.defineProperty(window, 'devicePixelRatio', { value: ratio, configurable: true });
    }
  });

  it('addresses photos by the custom scheme, or by http on Windows', () => {
    const agent = vi.spyOn(navigator, 'userAgent', 'get');
    agent.mockReturnValue('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15');
    expect(new TauriBackend().photoUrl('media/ab12.jpg', 480)).toBe(
      'bantin://localhost/media/ab12.jpg?w=480',
    );
    agent.mockReturnValue('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/131.0.0.0');
    expect(new TauriBackend().photoUrl('media/renditions/ab12-o-thumb.jpg')).toBe(
      'http://bantin.localhost/media/renditions/ab12-o-thumb.jpg',
    );
    expect(new TauriBackend().photoUrl('C:\\Ảnh\\a.jpg')).toBeNull();
    agent.mockRestore();
  });
});
