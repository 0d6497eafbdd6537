import { cleanText } from './normalize';

// Bylines are written "Kim Huệ, Tùng Lâm" or "Kim Huệ - Tùng Lâm". A dash only separates
// names when surrounded by spaces, so hyphenated names stay whole.
const AUTHOR_SEPARATORS = /[,;\n]|\s+[-–—]\s+/;
const TAG_SEPARATORS = /[,;\n]/;

function splitUnique(text: string, separators: RegExp, key: (s: string) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(separators)) {
    const value = cleanText(part);
    if (!value || seen.has(key(value))) continue;
    seen.add(key(value));
    out.push(value);
  }
  return out;
}

export function parseAuthors(text: string): string[] {
  return splitUnique(text, AUTHOR_SEPARATORS, (s) => s);
}

export function formatAuthors(authors: string[]): string {
  return authors.join(', ');
}

export function parseTags(text: string): string[] {
  return splitUnique(text, TAG_SEPARATORS, (s) => s.toLocaleLowerCase('vi'));
}

export function formatTags(tags: string[]): string {
  return tags.join(', ');
}

// "Tin tức / Kinh tế/" -> "Tin tức/Kinh tế"; blank -> null (no category).
export function normalizeCategoryPath(text: string): string | null {
  const path = text.split('/').map(cleanText).filter(Boolean).join('/');
  return path === '' ? null : path;
}

export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
