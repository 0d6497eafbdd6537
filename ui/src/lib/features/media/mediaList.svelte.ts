import type { Backend, MediaEntry } from '../../backend/backend';

const SEARCH_DEBOUNCE_MS = 200;

/**
 * The library's photos for a search box: typing is debounced, and an answer that arrives
 * after a newer search started is dropped so the grid never shows an older query's photos.
 */
export class MediaListState {
  query = $state('');
  entries = $state<MediaEntry[]>([]);
  loaded = $state(false);
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private backend: Backend,
    private report: (e: unknown) => void,
  ) {}

  /** Call when the query changes; loads after the writer pauses. */
  search(query: string): void {
    this.query = query;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), SEARCH_DEBOUNCE_MS);
  }

  /** Loads now (first show, after an import or a removal). */
  async load(): Promise<void> {
    clearTimeout(this.timer);
    const seq = ++this.seq;
    const q = this.query.normalize('NFC').trim();
    try {
      const entries = await this.backend.mediaList(q === '' ? null : q);
      if (seq !== this.seq) return;
      this.entries = entries;
      this.loaded = true;
    } catch (e) {
      if (seq === this.seq) this.report(e);
    }
  }

  /** Replaces one photo's row in place (its caption or thumbnail changed). */
  replace(entry: MediaEntry): void {
    this.entries = this.entries.map((e) => (e.item.id === entry.item.id ? entry : e));
  }

  remove(id: number): void {
    this.entries = this.entries.filter((e) => e.item.id !== id);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.seq++;
  }
}
