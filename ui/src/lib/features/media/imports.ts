import {
  BackendError,
  type ErrorCode,
  type MediaImportResult,
  type MediaItem,
} from '../../backend/backend';

/** A file that did not go into the library, and why (translated by `code`). */
export type ImportFailure = { file: string; code: ErrorCode; message: string };
export type ImportOutcome = { items: MediaItem[]; failures: ImportFailure[] };

/** The name a writer recognises: the last part of a path, composed (macOS paths are NFD). */
export function displayName(path: string): string {
  return (path.split(/[\\/]/).pop() || path).normalize('NFC');
}

export function failureOf(file: string, e: unknown): ImportFailure {
  const { code, message } = BackendError.from(e);
  return { file: displayName(file), code, message };
}

/** A batch's results in two lists, each in the order the files were given. */
export function splitResults(results: MediaImportResult[]): ImportOutcome {
  const items: MediaItem[] = [];
  const failures: ImportFailure[] = [];
  for (const r of results) {
    if (r.imported) items.push(r.imported.item);
    else
      failures.push(
        failureOf(r.path, r.error ?? new BackendError('internal', 'no result for this file')),
      );
  }
  return { items, failures };
}
