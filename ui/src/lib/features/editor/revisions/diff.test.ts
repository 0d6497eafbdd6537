import { describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../../backend/backend';
import { revisionDiff } from './diff';

const base: ArticleInput = {
  title: 'Ngày hội văn hóa',
  sapo: '',
  body: 'Người dân xã Bản Lầu tham gia ngày hội.',
  authors: [],
  unit: '',
  category: null,
  tags: [],
  status: 'draft',
};

describe('revisionDiff', () => {
  it('shows removed and added words of the body, unchanged fields as unchanged', () => {
    const diff = revisionDiff(base, { ...base, body: 'Người dân xã Pha Long tham gia ngày hội.' });
    const body = diff.find((d) => d.field === 'body')!;
    expect(body.changed).toBe(true);
    expect(body.parts.filter((p) => p.change === 'removed').map((p) => p.text.trim())).toEqual([
      'Bản Lầu',
    ]);
    expect(body.parts.filter((p) => p.change === 'added').map((p) => p.text.trim())).toEqual([
      'Pha Long',
    ]);
    expect(diff.find((d) => d.field === 'title')!.changed).toBe(false);
  });
});
