// Search must treat "hoa" and "hóa", "duong" and "đường" as the same word, because
// newsroom staff often type without diacritics. The backend folds the same way.
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

// A syllable whose rhyme is a lone y after an initial consonant (kỹ, lý, quý, tỷ) is
// also spelt with i (kĩ, lí, quí, tỉ); search treats the two as one, as the backend
// does. A y starting a syllable (yêu, y tế) or after a vowel (thủy, huy) is left alone.
const Y_VARIANT =
  /(^|[^\p{L}\p{N}])(b|c|ch|d|g|gh|gi|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)y(?![\p{L}\p{N}])/gu;

export function searchFold(s: string): string {
  return fold(s).replace(Y_VARIANT, '$1$2i');
}

export function foldWords(s: string): string[] {
  return searchFold(s).split(/\s+/).filter(Boolean);
}

// Every query word must appear somewhere in the (already folded) haystack.
export function matchesAllWords(foldedHaystack: string, words: string[]): boolean {
  return words.every((w) => foldedHaystack.includes(w));
}
