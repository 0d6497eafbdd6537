import type { Article, ArticleInput, Status } from '../../backend/backend';
import { cleanText, nfc } from '../../text/normalize';
import {
  formatAuthors,
  formatTags,
  normalizeCategoryPath,
  parseAuthors,
  parseTags,
} from '../../text/parse';

/** The form's fields exactly as the user typed them. */
export type Draft = {
  title: string;
  sapo: string;
  body: string;
  authors: string;
  unit: string;
  category: string;
  tags: string;
  status: Status;
};

export function emptyDraft(unit = ''): Draft {
  return {
    title: '',
    sapo: '',
    body: '',
    authors: '',
    unit,
    category: '',
    tags: '',
    status: 'draft',
  };
}

export function draftFromArticle(a: Article): Draft {
  return {
    title: a.title,
    sapo: a.sapo,
    body: a.body,
    authors: formatAuthors(a.authors),
    unit: a.unit,
    category: a.category ?? '',
    tags: formatTags(a.tags),
    status: a.status,
  };
}

// Normalisation happens here, at the moment of sending, rather than on every keystroke:
// rewriting an input's value mid-composition breaks Vietnamese IMEs (Telex/VNI).
export function draftToInput(d: Draft): ArticleInput {
  return {
    title: cleanText(d.title),
    sapo: nfc(d.sapo).trim(),
    // Markdown whitespace is meaningful, so the body is only composed, never trimmed inside.
    body: nfc(d.body).replace(/\s+$/, ''),
    authors: parseAuthors(d.authors),
    unit: cleanText(d.unit),
    category: normalizeCategoryPath(d.category),
    tags: parseTags(d.tags),
    status: d.status,
  };
}

export function sameInput(a: ArticleInput, b: ArticleInput): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
