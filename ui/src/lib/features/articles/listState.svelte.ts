import { SvelteMap } from 'svelte/reactivity';
import type { ArticleSummary, Backend } from '../../backend/backend';
import { emptyFilters, toListFilter, type Filters } from './filters';
import { pagesFor, type Range } from './virtual';

export const PAGE_SIZE = 100;

type Page = { generation: number; items: ArticleSummary[] };

/**
 * The article list as a sparse set of pages fetched on demand, so 100,000 articles cost
 * only the pages the user actually scrolls past.
 *
 * Every filter change or refresh starts a new generation; a response from an older
 * generation is dropped, so a slow answer to an old query can never replace a newer one.
 */
export class ArticleListState {
  total = $state(0);
  /**
   * The query as the backend decoded it ("hội nghị" for "hooij nghij", typed with the
   * input method off), when it did; null otherwise.
   */
  decodedQuery = $state<string | null>(null);
  /** False until the first page for the current filters has arrived. */
  ready = $state(false);
  /** Bumped when the filters change (not on refresh): the view scrolls back to the top. */
  resetCount = $state(0);
  generation = $state(0);

  private pages = new SvelteMap<number, Page>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping only, never rendered
  private inflight = new Set<string>();
  /** The filters the current rows were fetched with. */
  filters = $state.raw<Filters>(emptyFilters());
  private backend: Backend;
  private onError: (e: unknown) => void;

  constructor(backend: Backend, onError: (e: unknown) => void) {
    this.backend = backend;
    this.onError = onError;
  }

  setFilters(filters: Filters): void {
    this.filters = { ...filters };
    this.pages.clear();
    this.ready = false;
    this.resetCount++;
    this.nextGeneration();
  }

  /** Reload after a change elsewhere; rows already shown stay until fresh ones arrive. */
  refresh(): void {
    this.nextGeneration();
  }

  rowAt(index: number): ArticleSummary | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.items[index % PAGE_SIZE];
  }

  ensureRange(range: Range): void {
    for (const p of pagesFor(range, PAGE_SIZE)) {
      const page = this.pages.get(p);
      if (!page || page.generation !== this.generation) void this.load(p);
    }
  }

  private nextGeneration() {
    this.generation++;
    void this.load(0);
  }

  private async load(pageIndex: number): Promise<void> {
    const generation = this.generation;
    const key = `${generation}:${pageIndex}`;
    if (this.inflight.has(key)) return;
    this.inflight.add(key);
    try {
      const filter = toListFilter(this.filters, pageIndex * PAGE_SIZE, PAGE_SIZE);
      const result = await this.backend.articleList(filter);
      if (generation !== this.generation) return;
      this.pages.set(pageIndex, { generation, items: result.items });
      this.total = result.total;
      this.decodedQuery = result.decoded_query;
      this.ready = true;
    } catch (e) {
      if (generation !== this.generation) return;
      this.ready = true;
      this.onError(e);
    } finally {
      this.inflight.delete(key);
    }
  }
}
