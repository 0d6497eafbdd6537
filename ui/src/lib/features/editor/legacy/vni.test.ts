import { describe, expect, it } from 'vitest';
import { convertLegacy } from './index';
import { encodeVni, VNI_LOWER } from './vni';
import { chartRow, LOWERCASE_LETTERS, NON_ASCII_LETTERS } from './test-letters';

// VNI-Windows as published (same order as LOWERCASE_LETTERS), written as the Windows-1252
// glyphs a paste from Word shows; capitals are the same row with every byte 0x20 lower.
const CHART = chartRow(`
  a aø aû aõ aù aï   aê aè aú aü aé aë   aâ aà aå aã aá aä
  e eø eû eõ eù eï   eâ eà eå eã eá eä   i ì æ ó í ò
  o oø oû oõ où oï   oâ oà oå oã oá oä   ô ôø ôû ôõ ôù ôï
  u uø uû uõ uù uï   ö öø öû öõ öù öï    y yø yû yõ yù î
  ñ
`);
const CAPITAL_CHART = chartRow(`
  A AØ AÛ AÕ AÙ AÏ   AÊ AÈ AÚ AÜ AÉ AË   AÂ AÀ AÅ AÃ AÁ AÄ
  E EØ EÛ EÕ EÙ EÏ   EÂ EÀ EÅ EÃ EÁ EÄ   I Ì Æ Ó Í Ò
  O OØ OÛ OÕ OÙ OÏ   OÂ OÀ OÅ OÃ OÁ OÄ   Ô ÔØ ÔÛ ÔÕ ÔÙ ÔÏ
  U UØ UÛ UÕ UÙ UÏ   Ö ÖØ ÖÛ ÖÕ ÖÙ ÖÏ    Y YØ YÛ YÕ YÙ Î
  Ñ
`);

const hex = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

describe('VNI table', () => {
  it('lists the 67 non-ASCII lowercase letters', () => {
    expect(Object.keys(VNI_LOWER).sort()).toEqual([...NON_ASCII_LETTERS].sort());
    for (const l of Object.keys(VNI_LOWER)) expect(l).toBe(l.normalize('NFC'));
  });

  // Spot checks against the published chart, byte values written out.
  it.each([
    ['ấ', [0x61, 0xe1]],
    ['Ấ', [0x41, 0xc1]],
    ['ắ', [0x61, 0xe9]],
    ['ặ', [0x61, 0xeb]],
    ['ẽ', [0x65, 0xf5]],
    ['ộ', [0x6f, 0xe4]],
    ['ờ', [0xf4, 0xf8]],
    ['ữ', [0xf6, 0xf5]],
    ['ỷ', [0x79, 0xfb]],
    ['ơ', [0xf4]],
    ['Ơ', [0xd4]],
    ['ư', [0xf6]],
    ['Ư', [0xd6]],
    ['đ', [0xf1]],
    ['Đ', [0xd1]],
    ['ĩ', [0xf3]],
    ['ị', [0xf2]],
    ['Ị', [0xd2]],
    ['ỵ', [0xee]],
  ])('%s is %j', (letter, codes) => {
    const coded = String.fromCharCode(...codes);
    expect(hex(encodeVni(letter) ?? '')).toEqual(codes);
    expect(convertLegacy(coded, 'vni')).toBe(letter);
  });
});

describe('VNI → Unicode, every letter', () => {
  it.each(LOWERCASE_LETTERS.map((l, i) => [l, CHART[i]]))('%s from the chart', (letter, coded) => {
    expect(convertLegacy(coded, 'vni')).toBe(letter);
  });

  it.each(LOWERCASE_LETTERS.map((l, i) => [l.toUpperCase(), CAPITAL_CHART[i]]))(
    '%s from the capital chart',
    (letter, coded) => {
      expect(convertLegacy(coded, 'vni')).toBe(letter);
    },
  );

  it.each(LOWERCASE_LETTERS.flatMap((l) => [l, l.toUpperCase()]))(
    '%s round-trips through the table',
    (letter) => {
      const coded = encodeVni(letter);
      expect(coded).not.toBeNull();
      expect(convertLegacy(coded ?? '', 'vni')).toBe(letter);
    },
  );
});

describe('VNI text', () => {
  it('converts the newsroom sentence', () => {
    expect(
      convertLegacy('Trung taâm Vaên hoùa, Theå thao - Truyeàn thoâng huyeän Möôøng Khöông', 'vni'),
    ).toBe('Trung tâm Văn hóa, Thể thao - Truyền thông huyện Mường Khương');
  });

  it('converts capitals', () => {
    expect(convertLegacy('COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM', 'vni')).toBe(
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    );
    expect(convertLegacy('Ñoäc laäp - Töï do - Haïnh phuùc', 'vni')).toBe(
      'Độc lập - Tự do - Hạnh phúc',
    );
  });

  it('lets the base letter decide the case when the mark has the other case', () => {
    expect(convertLegacy('AÙ aÙ', 'vni')).toBe('Á á');
    expect(convertLegacy('Aù', 'vni')).toBe('Á');
  });

  it('keeps a mark byte that follows no vowel', () => {
    expect(convertLegacy('xù ù', 'vni')).toBe('xù ù');
  });

  it('passes through characters outside VNI, in either form of 0x80–0x9F', () => {
    const other = '€ “x” \u0093 \u0080 ß ¸ µ 日本 😀 ā';
    expect(convertLegacy(other, 'vni')).toBe(other);
    expect(convertLegacy('“Vieät”\u0085', 'vni')).toBe('“Việt”\u0085');
  });

  it('returns NFC', () => {
    const out = convertLegacy('Vieät Nam', 'vni');
    expect(out).toBe(out.normalize('NFC'));
  });
});
