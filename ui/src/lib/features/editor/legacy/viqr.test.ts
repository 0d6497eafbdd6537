import { describe, expect, it } from 'vitest';
import { convertLegacy } from './index';
import { encodeViqrChar } from './viqr';
import { LOWERCASE_LETTERS } from './test-letters';

// Test-side VIQR spelling built from Unicode decomposition, independent of the module.
const MARK_KEYS: Record<string, string> = {
  '\u0306': '(',
  '\u0302': '^',
  '\u031b': '+',
  '\u0300': '`',
  '\u0309': '?',
  '\u0303': '~',
  '\u0301': "'",
  '\u0323': '.',
};
function viqrOf(letter: string): string {
  if (letter === 'đ') return 'dd';
  if (letter === 'Đ') return 'DD';
  const [base, ...marks] = Array.from(letter.normalize('NFD'));
  // NFD puts the dot below before the breve/circumflex; VIQR wants the hat first.
  marks.sort((x, y) => (x === '\u0323' ? 1 : 0) - (y === '\u0323' ? 1 : 0));
  return base + marks.map((m) => MARK_KEYS[m]).join('');
}

const viqr = (text: string) => convertLegacy(text, 'viqr');

describe('VIQR → Unicode, every letter', () => {
  it.each(LOWERCASE_LETTERS.flatMap((l) => [l, l.toUpperCase()]))('%s', (letter) => {
    expect(viqr(viqrOf(letter))).toBe(letter);
    expect(encodeViqrChar(letter)).toBe(viqrOf(letter));
  });

  it.each([
    ["a^'", 'ấ'],
    ['A^`', 'Ầ'],
    ['a(.', 'ặ'],
    ['e^~', 'ễ'],
    ['o+?', 'ở'],
    ['u+.', 'ự'],
    ['y~', 'ỹ'],
    ['i.', 'ị'],
    // Hat and tone in either order.
    ["a'^", 'ấ'],
  ])('%s → %s', (input, expected) => {
    expect(viqr(input)).toBe(expected);
  });
});

describe('VIQR text', () => {
  it('converts the newsroom sentence', () => {
    expect(
      viqr("Trung ta^m Va(n ho'a, The^? thao - Truye^`n tho^ng huye^.n Mu+o+`ng Khu+o+ng"),
    ).toBe('Trung tâm Văn hóa, Thể thao - Truyền thông huyện Mường Khương');
  });

  it('converts the RFC example with escaped punctuation', () => {
    expect(viqr("O^ng te^n gi`\\? To^i te^n la` Tra^`n Va(n Hie^'u\\.")).toBe(
      'Ông tên gì? Tôi tên là Trần Văn Hiếu.',
    );
  });

  it.each([
    ['ddi', 'đi'],
    ['DDa` Na(~ng', 'Đà Nẵng'],
    ['Ddi', 'Đi'],
    ['d-u+o+`ng', 'đường'],
    ['D-O^`NG', 'ĐỒNG'],
    // đ only begins a syllable, so English words keep their "dd".
    ['add, odd, ladder', 'add, odd, ladder'],
    ['d\\d', 'dd'],
  ])('đ: %j → %j', (input, expected) => {
    expect(viqr(input)).toBe(expected);
  });

  it.each([
    // A mark after a letter it cannot combine with stays punctuation (RFC 1456).
    ['What? Yes.', 'What? Yes.'],
    ['1+1=2, i^2, (ba)', '1+1=2, i^2, (ba)'],
    ['ho.c.', 'học.'],
    // The syllable already has a tone, so the full stop / question mark is punctuation.
    ["Hie^'u.", 'Hiếu.'],
    ['gi`?', 'gì?'],
    // Right after an untoned vowel "?" and "." are marks, as the RFC says…
    ['dda^u?', 'đâủ'],
    ['ba.', 'bạ'],
    // …and a backslash makes them punctuation.
    ['dda^u\\?', 'đâu?'],
    ['ba\\.', 'ba.'],
    ["\\'a\\(", "'a("],
    // A backslash before anything else is kept.
    ['C:\\temp\\x', 'C:\\temp\\x'],
  ])('ambiguity: %j → %j', (input, expected) => {
    expect(viqr(input)).toBe(expected);
  });

  it('returns NFC and leaves non-ASCII text alone', () => {
    expect(viqr('Việt'.normalize('NFD'))).toBe('Việt');
    expect(viqr('€ 日本 “x”')).toBe('€ 日本 “x”');
  });
});
