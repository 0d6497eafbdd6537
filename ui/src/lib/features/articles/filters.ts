import type { ListFilter, Status } from '../../backend/backend';
import { isMonth, normalizeCategoryPath } from '../../text/parse';
import { nfc, nullIfBlank } from '../../text/normalize';

/** What the filter controls hold; '' means "no filter". */
export type Filters = {
  query: string;
  status: Status | '';
  category: string;
  author: string;
  month: string;
};

export function emptyFilters(): Filters {
  return { query: '', status: '', category: '', author: '', month: '' };
}

export function hasFilters(f: Filters): boolean {
  return Object.values(f).some((v) => v !== '');
}

export function toListFilter(f: Filters, offset: number, limit: number): ListFilter {
  return {
    query: nullIfBlank(f.query),
    status: f.status === '' ? null : f.status,
    category: f.category === '' ? null : normalizeCategoryPath(f.category),
    author: f.author === '' ? null : nfc(f.author),
    // The month select only offers YYYY-MM; anything else would be rejected by the store.
    month: isMonth(f.month) ? f.month : null,
    limit,
    offset,
  };
}
