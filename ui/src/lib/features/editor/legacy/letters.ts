// Vietnamese letters as base + modifier (breve, circumflex, horn) + tone, using Unicode
// combining marks so that NFC does the composing.

export type Modifier = 'breve' | 'circumflex' | 'horn';
export type Tone = 'grave' | 'hook' | 'tilde' | 'acute' | 'dot';

export const MODIFIER_MARK: Readonly<Record<Modifier, string>> = {
  breve: '\u0306',
  circumflex: '\u0302',
  horn: '\u031b',
};

export const TONE_MARK: Readonly<Record<Tone, string>> = {
  grave: '\u0300',
  hook: '\u0309',
  tilde: '\u0303',
  acute: '\u0301',
  dot: '\u0323',
};

/** Which ASCII vowels each modifier can sit on. */
export const MODIFIER_BASES: Readonly<Record<Modifier, string>> = {
  breve: 'a',
  circumflex: 'aeo',
  horn: 'ou',
};

export interface Letter {
  base: string;
  modifier?: Modifier;
  tone?: Tone;
}

const MODIFIER_OF_MARK = new Map(
  Object.entries(MODIFIER_MARK).map(([m, mark]) => [mark, m as Modifier]),
);
const TONE_OF_MARK = new Map(Object.entries(TONE_MARK).map(([t, mark]) => [mark, t as Tone]));

/** Splits a vowel letter (any case) into its parts; null if it is not a Vietnamese vowel. */
export function analyse(letter: string): Letter | null {
  const [base, ...marks] = Array.from(letter.normalize('NFD'));
  if (base === undefined || !'aeiouy'.includes(base.toLowerCase())) return null;
  const result: Letter = { base };
  for (const mark of marks) {
    const modifier = MODIFIER_OF_MARK.get(mark);
    const tone = TONE_OF_MARK.get(mark);
    if (modifier && !result.modifier && MODIFIER_BASES[modifier].includes(base.toLowerCase())) {
      result.modifier = modifier;
    } else if (tone && !result.tone) {
      result.tone = tone;
    } else {
      return null;
    }
  }
  return result;
}

export function compose({ base, modifier, tone }: Letter): string {
  const marks = (modifier ? MODIFIER_MARK[modifier] : '') + (tone ? TONE_MARK[tone] : '');
  return (base + marks).normalize('NFC');
}
