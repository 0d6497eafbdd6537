import { diffWords } from 'diff';
import type { ArticleInput } from '../../../backend/backend';

export type DiffPart = { text: string; change: 'same' | 'added' | 'removed' };
export type FieldDiff = { field: 'title' | 'sapo' | 'body'; parts: DiffPart[]; changed: boolean };

/**
 * Word-level differences a writer can read: what the old revision had (removed) and what
 * the current text has instead (added), field by field.
 */
export function revisionDiff(older: ArticleInput, current: ArticleInput): FieldDiff[] {
  return (['title', 'sapo', 'body'] as const).map((field) => {
    const parts: DiffPart[] = diffWords(older[field], current[field]).map((c) => ({
      text: c.value,
      change: c.added ? 'added' : c.removed ? 'removed' : 'same',
    }));
    return { field, parts, changed: parts.some((p) => p.change !== 'same') };
  });
}
