import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackendError, type SaveKind } from '../../../backend/backend';
import { Autosave } from './autosave.svelte';

function harness(failures: BackendError[] = []) {
  let text = '';
  let saved = '';
  const saves: { kind: SaveKind; text: string; at: number }[] = [];
  const errors: BackendError[] = [];
  const autosave = new Autosave(
    async (kind) => {
      const failure = failures.shift();
      if (failure) throw failure;
      saves.push({ kind, text, at: Date.now() });
      saved = text;
    },
    () => text !== saved,
    (e) => errors.push(e),
  );
  const type = (s: string) => {
    text += s;
    autosave.changed();
  };
  return { autosave, type, saves, errors, saved: () => saved };
}

describe('Autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('saves a second after the last keystroke', async () => {
    const h = harness();
    h.type('Ngày hội');
    await vi.advanceTimersByTimeAsync(999);
    expect(h.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.saves).toEqual([{ kind: 'autosave', text: 'Ngày hội', at: 1000 }]);
    expect(h.autosave.state).toBe('saved');
  });

  it('saves at least every two seconds while the writer keeps typing', async () => {
    const h = harness();
    for (let t = 0; t < 5000; t += 200) {
      h.type('a');
      await vi.advanceTimersByTimeAsync(200);
    }
    const gaps = h.saves.map((s, i) => s.at - (h.saves[i - 1]?.at ?? 0));
    expect(h.saves.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2000);
  });

  it('flush saves at once with the given kind, and does nothing when clean', async () => {
    const h = harness();
    h.type('x');
    expect(await h.autosave.flush('save')).toBe(true);
    expect(h.saves.map((s) => s.kind)).toEqual(['save']);
    expect(await h.autosave.flush()).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.saves).toHaveLength(1);
  });

  it('keeps the text, reports once and retries when saving fails', async () => {
    const full = new BackendError('disk_full', 'no space');
    const h = harness([full, full]);
    h.type('Bài viết');
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.autosave.state).toBe('failed');
    expect(h.autosave.error?.code).toBe('disk_full');
    await vi.advanceTimersByTimeAsync(2000); // first retry fails too
    expect(h.errors).toHaveLength(1);
    expect(h.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(4000); // second retry, after a longer wait
    expect(h.saved()).toBe('Bài viết');
    expect(h.autosave.state).toBe('saved');
    expect(h.autosave.error).toBeNull();
  });

  it('text typed during a save is saved by the next one', async () => {
    let release: () => void = () => {};
    let text = 'a';
    let saved = '';
    const done: string[] = [];
    const autosave = new Autosave(
      (kind) =>
        new Promise<void>((resolve) => {
          const snapshot = text;
          release = () => {
            saved = snapshot;
            done.push(snapshot + ':' + kind);
            resolve();
          };
        }),
      () => text !== saved,
    );
    autosave.changed();
    await vi.advanceTimersByTimeAsync(1000);
    text = 'ab';
    autosave.changed();
    release();
    await vi.advanceTimersByTimeAsync(2000);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toEqual(['a:autosave', 'ab:autosave']);
  });
});
