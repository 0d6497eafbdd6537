import { describe, expect, it } from 'vitest';
import { convertLegacy } from './index';
import { charOfByte } from './bytes';
import { encodeTcvn3, TCVN3_BYTE } from './tcvn3';
import { chartRow, LOWERCASE_LETTERS, NON_ASCII_LETTERS } from './test-letters';

const bytes = (...codes: number[]) => codes.map(charOfByte).join('');

// TCVN 5712:1993 VN3 as published (same order as LOWERCASE_LETTERS), written as the
// Windows-1252 glyphs a paste from Word shows. "\u00ad" (soft hyphen) is ư.
const CHART = chartRow(`
  a µ ¶ · ¸ ¹    ¨ » ¼ ½ ¾ Æ    © Ç È É Ê Ë
  e Ì Î Ï Ð Ñ    ª Ò Ó Ô Õ Ö    i × Ø Ü Ý Þ
  o ß á â ã ä    « å æ ç è é    ¬ ê ë ì í î
  u ï ñ ò ó ô    \u00ad õ ö ÷ ø ù    y ú û ü ý þ
  ®
`);

describe('TCVN3 table', () => {
  it('has the 67 lowercase letters and 7 toneless capitals of VN3, each on its own byte', () => {
    const letters = Object.keys(TCVN3_BYTE);
    expect(letters).toHaveLength(74);
    expect(letters.filter((l) => l === l.toLowerCase()).sort()).toEqual(
      [...NON_ASCII_LETTERS].sort(),
    );
    expect(letters.filter((l) => l !== l.toLowerCase()).sort()).toEqual(
      ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'].sort(),
    );
    for (const l of letters) expect(l).toBe(l.normalize('NFC'));
    const values = Object.values(TCVN3_BYTE);
    expect(new Set(values).size).toBe(values.length);
    for (const v of values) expect(v >= 0xa1 && v <= 0xfe).toBe(true);
  });

  // Spot checks against the published chart, byte values written out.
  it.each([
    ['ấ', 0xca],
    ['à', 0xb5],
    ['ặ', 0xc6],
    ['ĩ', 0xdc],
    ['ư', 0xad],
    ['đ', 0xae],
    ['ờ', 0xea],
    ['ủ', 0xf1],
    ['ỵ', 0xfe],
    ['Ă', 0xa1],
    ['Đ', 0xa7],
    ['Ư', 0xa6],
  ])('%s is byte %#x', (letter, byte) => {
    expect(TCVN3_BYTE[letter]).toBe(byte);
    expect(convertLegacy(bytes(byte), 'tcvn3')).toBe(letter);
  });
});

describe('TCVN3 → Unicode, every letter', () => {
  it.each(LOWERCASE_LETTERS.map((l, i) => [l, CHART[i]]))('%s from the chart', (letter, coded) => {
    expect(convertLegacy(coded, 'tcvn3')).toBe(letter);
  });

  it.each(LOWERCASE_LETTERS)('%s round-trips through the table', (letter) => {
    const coded = encodeTcvn3(letter);
    expect(coded).not.toBeNull();
    expect(convertLegacy(coded ?? '', 'tcvn3')).toBe(letter);
  });

  // Toned capitals only exist in the .Vn…H fonts, at the lowercase positions.
  it.each(LOWERCASE_LETTERS)('%s in uppercase via an H font', (letter) => {
    expect(convertLegacy(encodeTcvn3(letter) ?? '', 'tcvn3', { uppercase: true })).toBe(
      letter.toUpperCase(),
    );
  });

  it.each(['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'])('%s has its own capital code', (capital) => {
    expect(convertLegacy(encodeTcvn3(capital) ?? '', 'tcvn3')).toBe(capital);
  });

  it('cannot encode a toned capital, which VN3 lacks', () => {
    expect(encodeTcvn3('Ấ')).toBeNull();
  });
});

describe('TCVN3 text', () => {
  it('converts the newsroom sentence', () => {
    expect(
      convertLegacy(
        'Trung t©m V¨n hãa, ThÓ thao - TruyÒn th«ng huyÖn M\u00adêng Kh\u00ad¬ng',
        'tcvn3',
      ),
    ).toBe('Trung tâm Văn hóa, Thể thao - Truyền thông huyện Mường Khương');
  });

  it('converts the national motto', () => {
    expect(convertLegacy('Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'tcvn3')).toBe(
      'Cộng hoà xã hội chủ nghĩa Việt Nam',
    );
    expect(convertLegacy('§éc lËp - Tù do - H¹nh phóc', 'tcvn3')).toBe(
      'Độc lập - Tự do - Hạnh phúc',
    );
  });

  it('renders a .VnTimeH run in capitals whatever case was typed', () => {
    const expected = 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM';
    expect(convertLegacy('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM', 'tcvn3', { uppercase: true })).toBe(
      expected,
    );
    expect(convertLegacy('céng hoµ x· héi chñ nghÜa viÖt nam', 'tcvn3', { uppercase: true })).toBe(
      expected,
    );
  });

  it('passes through characters VN3 does not assign, in either form of 0x80–0x9F', () => {
    const other = '€ “x” \u0093 \u0080 À Í ð ÿ \u00a0 日本 😀 ā';
    expect(convertLegacy(other, 'tcvn3')).toBe(other);
    expect(convertLegacy(`“ViÖt”\u0085`, 'tcvn3')).toBe('“Việt”\u0085');
  });

  it('returns NFC', () => {
    const out = convertLegacy('ViÖt', 'tcvn3');
    expect(out).toBe(out.normalize('NFC'));
  });
});
