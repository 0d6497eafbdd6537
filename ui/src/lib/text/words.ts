/**
 * Whitespace-separated tokens holding at least one letter or digit: a lone "-" in
 * "Thể thao - Truyền thông" is not a word. The Rust side (`markdown::count_words`)
 * counts the same way, so the editor's count and the revision list agree.
 */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/)) {
    if (/[\p{L}\p{N}]/u.test(token)) n++;
  }
  return n;
}

export function countChars(text: string): number {
  // Count what the writer sees as letters: "ệ" is one, however it was typed.
  return [...text.normalize('NFC')].length;
}
