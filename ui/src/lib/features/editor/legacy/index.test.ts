import { describe, expect, it } from 'vitest';
import { convertLegacy, encodingFromFontFamily, isUppercaseLegacyFont } from './index';

describe('convertLegacy', () => {
  it('dispatches on the encoding', () => {
    expect(convertLegacy('ViÖt', 'tcvn3')).toBe('Việt');
    expect(convertLegacy('Vieät', 'vni')).toBe('Việt');
    expect(convertLegacy('Vie^.t', 'viqr')).toBe('Việt');
  });

  it('leaves plain ASCII alone in every encoding', () => {
    const ascii = 'Trung tam 2024 - ok!';
    expect(convertLegacy(ascii, 'tcvn3')).toBe(ascii);
    expect(convertLegacy(ascii, 'vni')).toBe(ascii);
    expect(convertLegacy(ascii, 'viqr')).toBe(ascii);
    expect(convertLegacy('', 'tcvn3')).toBe('');
  });

  it('follows the font hints of a pasted run', () => {
    const family = '".VnTimeH", serif';
    const encoding = encodingFromFontFamily(family);
    expect(encoding).toBe('tcvn3');
    const out = convertLegacy('huyÖn m\u00adêng kh\u00ad¬ng', encoding ?? 'tcvn3', {
      uppercase: isUppercaseLegacyFont(family),
    });
    expect(out).toBe('HUYỆN MƯỜNG KHƯƠNG');
    expect(out).toBe(out.normalize('NFC'));
  });
});
