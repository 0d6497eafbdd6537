import type { Backend, ImportProgress, MediaItem } from '../../backend/backend';
import { readBase64 } from '../editor/photos/transfer';
import { displayName, failureOf, splitResults, type ImportFailure } from './imports';

const NO_TEXT = { caption: null, credit: null, alt: null };

/**
 * One place that imports photos (from the file dialog, a drop or a paste) and holds what
 * the writer should see meanwhile: the progress, and afterwards the files that failed.
 * Imports run one after another, so a drop during an import waits its turn instead of
 * mixing the two progress bars.
 */
export class PhotoImporter {
  progress = $state<ImportProgress | null>(null);
  failures = $state<ImportFailure[]>([]);
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private backend: Backend,
    /** Errors that stop a whole batch (no site open, the IPC gone). */
    private report: (e: unknown) => void,
  ) {}

  get busy(): boolean {
    return this.progress !== null;
  }

  dismissFailures = (): void => {
    this.failures = [];
  };

  // A new import replaces the failures shown of an earlier one; imports queued behind a
  // running one add theirs to its list, since the writer started them together.
  private run(task: () => Promise<MediaItem[]>): Promise<MediaItem[]> {
    if (!this.busy) this.failures = [];
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The native picker, then the import. The photos that went in, in order (maybe none). */
  async pickAndImport(): Promise<MediaItem[]> {
    let paths: string[];
    try {
      paths = await this.backend.pickPhotos();
    } catch (e) {
      this.report(e);
      return [];
    }
    return this.importPaths(paths);
  }

  /** Files on disk (the picker, a drop from the file manager). */
  importPaths(paths: string[]): Promise<MediaItem[]> {
    if (paths.length === 0) return Promise.resolve([]);
    return this.run(async () => {
      this.progress = { done: 0, total: paths.length, file_name: displayName(paths[0]) };
      try {
        const results = await this.backend.mediaImport(paths, NO_TEXT, (p) => {
          this.progress = { ...p, file_name: displayName(p.file_name) };
        });
        const outcome = splitResults(results);
        this.failures = [...this.failures, ...outcome.failures];
        return outcome.items;
      } catch (e) {
        this.report(e);
        return [];
      } finally {
        this.progress = null;
      }
    });
  }

  /** Photos the web view holds (a paste, a drop from a browser), sent as bytes. */
  importFiles(files: File[]): Promise<MediaItem[]> {
    if (files.length === 0) return Promise.resolve([]);
    return this.run(async () => {
      const items: MediaItem[] = [];
      const failures: ImportFailure[] = [];
      const total = files.length;
      try {
        for (const [i, file] of files.entries()) {
          const name = fileNameFor(file, i);
          this.progress = { done: i, total, file_name: name };
          try {
            const imported = await this.backend.mediaImportData(name, await readBase64(file));
            items.push(imported.item);
          } catch (e) {
            failures.push(failureOf(name, e));
          }
        }
        this.failures = [...this.failures, ...failures];
        return items;
      } finally {
        this.progress = null;
      }
    });
  }
}

// A pasted screenshot has no name of its own (or "image.png" for every one of them); the
// library wants a name to show and search, and its extension to know the kind.
function fileNameFor(file: File, index: number): string {
  const name = file.name.normalize('NFC').trim();
  if (name && !/^image\.\w+$/i.test(name)) return name;
  const ext = file.type.split('/')[1]?.replace('jpeg', 'jpg') || 'png';
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `anh-dan-${stamp}${index > 0 ? `-${index + 1}` : ''}.${ext}`;
}
