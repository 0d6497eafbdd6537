// Search must treat "hoa" and "hóa", "duong" and "đường" as the same word, because
// newsroom staff often type without diacritics. The backend folds the same way.
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

export function foldWords(s: string): string[] {
  return fold(s).split(/\s+/).filter(Boolean);
}

// Every query word must appear somewhere in the (already folded) haystack.
export function matchesAllWords(foldedHaystack: string, words: string[]): boolean {
  return words.every((w) => foldedHaystack.includes(w));
}
