// Vietnamese is written one syllable per word, and syllables follow a tight pattern:
// (initial) + vowel nucleus + (final), one tone at most. Checking a candidate decoding
// against it is what lets detection tell "ViÖt" (TCVN3 for Việt) from French or German.

const INITIAL = 'ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx]';
const FINAL = 'ch|ng|nh|[cmnpt]';

/** Nuclei that end in a glide and so take no final consonant. */
const OPEN =
  'iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyu ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu uơ y';
/** Nuclei that need a final consonant (no Vietnamese syllable ends in ă, â, iê, uô, ươ…). */
const CLOSED = 'uyê oă uâ iê yê uô ươ oo ă â';
/** Nuclei that may end the syllable or take a final. */
const EITHER = 'oa oe uê uy a e ê i o ô ơ u ư';

const alt = (list: string) => list.split(' ').join('|');

const SYLLABLE = new RegExp(
  `^(?:${INITIAL})?(?:(?:${alt(OPEN)})|(?:${alt(CLOSED)})(?:${FINAL})|(?:${alt(EITHER)})(?:${FINAL})?)$`,
);

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const STOP_FINAL = /(?:ch|[cpt])$/;
/** Only sắc (acute) and nặng (dot below) occur before -c, -ch, -p, -t. */
const STOP_TONES = new Set(['\u0301', '\u0323']);

export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS) ?? [];
  if (tones.length > 1) return false;
  const bare = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  if (!SYLLABLE.test(bare)) return false;
  const tone = tones[0];
  return !STOP_FINAL.test(bare) || tone === undefined || STOP_TONES.has(tone);
}
