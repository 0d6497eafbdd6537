import { describe, expect, it, vi } from 'vitest';
import { MockBackend } from '../../backend/mock';
import { emptyFilters } from './filters';
import { ArticleListState } from './listState.svelte';

describe('ArticleListState', () => {
  it('drops a slow response to an older query when a newer one already answered', async () => {
    const backend = new MockBackend({
      latency: (_m, args) => ((args[0] as { query: string | null }).query === 'kinh' ? 80 : 5),
    });
    const onError = vi.fn();
    const list = new ArticleListState(backend, onError);

    list.setFilters({ ...emptyFilters(), query: 'kinh' });
    list.setFilters({ ...emptyFilters(), query: 'hoa' });
    await vi.waitFor(() => expect(list.ready).toBe(true));
    await new Promise((r) => setTimeout(r, 120));

    const shown = Array.from({ length: list.total }, (_u, i) => list.rowAt(i)?.title);
    expect(shown).toContain('Lễ hội văn hóa dân gian đầu xuân');
    expect(shown).not.toContain('Hợp tác xã nông nghiệp ứng dụng công nghệ cao');
    expect(onError).not.toHaveBeenCalled();
  });

  it('fetches only the pages a range needs', async () => {
    const backend = new MockBackend({ articles: [], generate: 10_000 });
    const spy = vi.spyOn(backend, 'articleList');
    const list = new ArticleListState(backend, vi.fn());
    list.setFilters(emptyFilters());
    await vi.waitFor(() => expect(list.total).toBe(10_000));
    list.ensureRange({ start: 5000, end: 5030 });
    await vi.waitFor(() => expect(list.rowAt(5010)).toBeDefined());
    expect(spy.mock.calls.map(([f]) => f.offset)).toEqual([0, 5000]);
  });
});
