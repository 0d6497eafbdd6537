import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

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
