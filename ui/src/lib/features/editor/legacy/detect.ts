import { decodeTcvn3 } from './tcvn3';
import { decodeVni } from './vni';
import { isVietnameseSyllable } from './syllable';

// Words: runs of ASCII letters and the non-ASCII letters/symbols a legacy font can produce.
// NBSP and general punctuation (curly quotes, dashes) separate words.
const WORD = /(?:[A-Za-z\u00a1-\u00ff\u0100-\u024f\u1e00-\u1eff]|\p{Mn})+/gu;
// Letters only Unicode Vietnamese has: seeing them means the text is already converted.
const UNICODE_VIETNAMESE =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|[\u0300\u0301\u0303\u0309\u0323]/;
const ASCII_WORD = /^[A-Za-z]+$/;

/** Fewest distinct legacy-looking words before we guess; a repeated stray "µm" is one. */
const MIN_DISTINCT = 3;

interface Tally {
  hits: number;
  distinct: Set<string>;
}

/**
 * Guesses TCVN3 or VNI from the text alone. A word counts for an encoding when it is not a
 * Vietnamese syllable as written but becomes one, using only that encoding's characters,
 * once decoded. The guess needs several distinct such words, a clear majority of the words
 * that could not be read as Unicode Vietnamese, a fair share of all words, next to no words
 * already in Unicode Vietnamese, and a clear lead over the other encoding. VIQR is never
 * guessed: it is ordinary ASCII.
 */
export function detectLegacyEncoding(text: string): 'tcvn3' | 'vni' | null {
  const tcvn3: Tally = { hits: 0, distinct: new Set() };
  const vni: Tally = { hits: 0, distinct: new Set() };
  let words = 0;
  let undecided = 0; // non-ASCII words that do not read as Unicode Vietnamese
  let unicode = 0; // words with letters only Unicode Vietnamese has

  for (const word of text.match(WORD) ?? []) {
    // A lone symbol such as « or µ is too weak to count either way.
    if (word.length < 2) continue;
    words++;
    if (ASCII_WORD.test(word)) continue;
    if (UNICODE_VIETNAMESE.test(word)) {
      undecided++;
      unicode++;
      continue;
    }
    if (isVietnameseSyllable(word)) continue;
    undecided++;
    for (const [tally, decoded] of [
      [tcvn3, decodeTcvn3(word)],
      [vni, decodeVni(word)],
    ] as const) {
      if (decoded.unmapped === 0 && isVietnameseSyllable(decoded.text)) {
        tally.hits++;
        tally.distinct.add(word);
      }
    }
  }

  const wins = (mine: Tally, other: Tally) =>
    mine.distinct.size >= MIN_DISTINCT &&
    mine.hits * 2 >= undecided &&
    mine.hits * 4 >= words &&
    // Converting mixed text would garble its Unicode part, so that must be a rare slip.
    unicode * 10 <= mine.hits &&
    mine.hits >= other.hits * 2;

  if (wins(tcvn3, vni)) return 'tcvn3';
  if (wins(vni, tcvn3)) return 'vni';
  return null;
}
