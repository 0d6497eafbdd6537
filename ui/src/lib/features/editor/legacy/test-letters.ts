// Test fixture, deliberately independent of the module: every Vietnamese letter built from
// Unicode combining marks, in chart order (vowel × no tone, grave, hook, tilde, acute, dot).
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

/** 72 vowel forms (6 of them plain ASCII) followed by đ. */
export const LOWERCASE_LETTERS: readonly string[] = [
  ...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))),
  'đ',
];

/** The 67 lowercase letters that are not ASCII. */
export const NON_ASCII_LETTERS = LOWERCASE_LETTERS.filter((l) => l > '\u007f');

/** Reads a space-separated chart row, e.g. "a aø aû", in the same order as LOWERCASE_LETTERS. */
export function chartRow(row: string): string[] {
  return row.trim().split(/\s+/);
}
