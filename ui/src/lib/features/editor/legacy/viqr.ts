import { analyse, compose, MODIFIER_BASES, type Modifier, type Tone } from './letters';

// VIQR (RFC 1456, Viet-Std 1992): ASCII marks typed after the vowel they belong to.
const MODIFIER_KEY: Readonly<Record<string, Modifier>> = {
  '(': 'breve',
  '^': 'circumflex',
  '+': 'horn',
};
const TONE_KEY: Readonly<Record<string, Tone>> = {
  '`': 'grave',
  '?': 'hook',
  '~': 'tilde',
  "'": 'acute',
  '.': 'dot',
};
const KEY_OF_MODIFIER = invert(MODIFIER_KEY);
const KEY_OF_TONE = invert(TONE_KEY);

/** Characters a backslash turns back into plain text. */
const ESCAPABLE = "(^+`?~'.-dD";

function invert<T extends string>(map: Readonly<Record<string, T>>): Record<T, string> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k])) as Record<T, string>;
}

const isLetter = (ch: string) => /\p{L}/u.test(ch);

/**
 * Converts VIQR to Unicode. A mark character is a mark only when it can combine with the
 * letter right before it into a legal Vietnamese letter (RFC 1456); otherwise it is kept as
 * punctuation. On top of the RFC, a tone mark is also kept as punctuation when the syllable
 * already carries a tone, because no syllable has two: "Hie^'u." ends with a full stop.
 * The remaining ambiguity — "?" or "." right after an untoned vowel, as in "dda^u?" — is
 * resolved the RFC way: it is a mark, and the writer escapes it ("dda^u\?") to mean punctuation.
 * đ ("dd", "DD", "Dd", "d-", "D-") is only read at the start of a word, where Vietnamese
 * has it, so English words such as "add" survive.
 */
export function decodeViqr(text: string): string {
  const out: string[] = [];
  let vowelAt = -1; // index in `out` of the vowel that marks may still attach to
  let syllableHasTone = false;
  let atWordStart = true;

  const pushLiteral = (ch: string) => {
    out.push(ch);
    vowelAt = -1;
    if (!isLetter(ch)) {
      atWordStart = true;
      syllableHasTone = false;
    } else atWordStart = false;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const next = text[i + 1] ?? '';

    if (ch === '\\' && next !== '' && ESCAPABLE.includes(next)) {
      pushLiteral(next);
      i++;
      continue;
    }

    if ((ch === 'd' || ch === 'D') && atWordStart) {
      const stroke = next === '-' || (ch === 'd' ? next === 'd' : next === 'D' || next === 'd');
      if (stroke) {
        pushLiteral(ch === 'd' ? 'đ' : 'Đ');
        i++;
        continue;
      }
    }

    if (vowelAt === out.length - 1 && vowelAt >= 0) {
      const letter = analyse(out[vowelAt]);
      const modifier = MODIFIER_KEY[ch];
      const tone = TONE_KEY[ch];
      if (
        letter &&
        modifier &&
        !letter.modifier &&
        MODIFIER_BASES[modifier].includes(letter.base.toLowerCase())
      ) {
        out[vowelAt] = compose({ ...letter, modifier });
        continue;
      }
      if (letter && tone && !letter.tone && !syllableHasTone) {
        out[vowelAt] = compose({ ...letter, tone });
        syllableHasTone = true;
        continue;
      }
    }

    if ('aeiouyAEIOUY'.includes(ch)) {
      pushLiteral(ch);
      vowelAt = out.length - 1;
      continue;
    }
    pushLiteral(ch);
  }
  return out.join('').normalize('NFC');
}

/** The VIQR spelling of one Unicode character (tests and round trips). */
export function encodeViqrChar(ch: string): string {
  if (ch === 'đ') return 'dd';
  if (ch === 'Đ') return 'DD';
  const letter = analyse(ch);
  if (!letter) return ch;
  return (
    letter.base +
    (letter.modifier ? KEY_OF_MODIFIER[letter.modifier] : '') +
    (letter.tone ? KEY_OF_TONE[letter.tone] : '')
  );
}
