import { BackendError, type SaveKind } from '../../../backend/backend';

export type AutosaveOptions = {
  /** Save this long after the last change… */
  idleMs: number;
  /** …but never later than this after the first unsaved change, even while typing on. */
  maxWaitMs: number;
  /** First retry after a failed save; doubles up to `maxRetryMs`. */
  retryMs: number;
  maxRetryMs: number;
};

export const DEFAULT_AUTOSAVE: AutosaveOptions = {
  idleMs: 1000,
  maxWaitMs: 2000,
  retryMs: 2000,
  maxRetryMs: 30000,
};

export type AutosaveState = 'saved' | 'pending' | 'saving' | 'failed';

/**
 * Keeps an editor's text in the database without the writer thinking about it: a crash
 * loses at most `maxWaitMs` of typing. A failed save (disk full, locked file) keeps the
 * text where it is, is shown, and is retried with a growing delay.
 */
export class Autosave {
  state = $state<AutosaveState>('saved');
  error = $state<BackendError | null>(null);
  /** When the last save finished (ms since epoch). */
  savedAt = $state<number | null>(null);

  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstChangeAt: number | null = null;
  private retryDelay: number;
  private running: Promise<boolean> | null = null;
  private disposed = false;

  constructor(
    /** Saves the current text; throws on failure. */
    private readonly save: (kind: SaveKind) => Promise<void>,
    /** Whether there is anything to save. */
    private readonly isDirty: () => boolean,
    private readonly onError: (e: BackendError) => void = () => {},
    private readonly opts: AutosaveOptions = DEFAULT_AUTOSAVE,
  ) {
    this.retryDelay = opts.retryMs;
  }

  /** The text changed. */
  changed(): void {
    if (this.disposed) return;
    const now = Date.now();
    this.firstChangeAt ??= now;
    if (this.state !== 'failed' && this.state !== 'saving') this.state = 'pending';
    if (this.state === 'failed') return; // the retry timer is already running
    const deadline = this.firstChangeAt + this.opts.maxWaitMs;
    this.schedule(Math.max(0, Math.min(this.opts.idleMs, deadline - now)));
  }

  /**
   * Saves now if anything is unsaved (blur, close, switching article, Ctrl+S).
   * Resolves true when everything is saved.
   */
  async flush(kind: SaveKind = 'autosave'): Promise<boolean> {
    this.clearTimer();
    // Wait for a save in flight: the text may have changed while it ran.
    if (this.running) await this.running;
    if (!this.isDirty() && kind === 'autosave') return this.state !== 'failed';
    return this.run(kind);
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private schedule(ms: number) {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run('autosave');
    }, ms);
  }

  private clearTimer() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(kind: SaveKind): Promise<boolean> {
    if (this.running) {
      // One save at a time; the one after sees the newest text.
      return this.running.then(() => this.run(kind));
    }
    this.running = this.saveOnce(kind).finally(() => (this.running = null));
    return this.running;
  }

  private async saveOnce(kind: SaveKind): Promise<boolean> {
    const startedAt = Date.now();
    this.state = 'saving';
    try {
      await this.save(kind);
    } catch (e) {
      const error = BackendError.from(e);
      // Report a new kind of failure once, not on every retry.
      if (this.error?.code !== error.code) this.onError(error);
      this.error = error;
      this.state = 'failed';
      if (!this.disposed) this.schedule(this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, this.opts.maxRetryMs);
      return false;
    }
    this.error = null;
    this.retryDelay = this.opts.retryMs;
    this.savedAt = Date.now();
    if (this.disposed) {
      // The form was closed during this save, after flushing its text: its values are
      // gone with it, and nothing is left to schedule.
      this.state = 'saved';
      this.firstChangeAt = null;
      return true;
    }
    if (this.isDirty()) {
      // Typed during the save: that text's clock started when this save did.
      this.state = 'pending';
      this.firstChangeAt = startedAt;
      if (!this.disposed) this.changed();
    } else {
      this.state = 'saved';
      this.firstChangeAt = null;
    }
    return true;
  }
}
