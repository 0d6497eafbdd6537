import { describe, expect, it } from 'vitest';
import { encodingFromFontFamily, isUppercaseLegacyFont } from './index';

describe('encodingFromFontFamily', () => {
  it.each([
    ['.VnTime', 'tcvn3'],
    ['".VnTime", serif', 'tcvn3'],
    ["'.VnArial'", 'tcvn3'],
    ['.VnTimeH', 'tcvn3'],
    ['".VnCentury Schoolbook", "Times New Roman"', 'tcvn3'],
    ['  .vntime  ', 'tcvn3'],
    ['VNI-Times', 'vni'],
    ['"VNI-Helve", sans-serif', 'vni'],
    ['VNI Book', 'vni'],
    ['vni-times', 'vni'],
    ['Times New Roman', null],
    ['Arial, ".VnTime"', null], // the fallback is not the font the text was shown in
    ['VNIX', null],
    ['Vn Time', null],
    ['', null],
  ])('%j → %s', (family, expected) => {
    expect(encodingFromFontFamily(family)).toBe(expected);
  });
});

describe('isUppercaseLegacyFont', () => {
  it.each([
    ['.VnTimeH', true],
    ['".VnArialH", sans-serif', true],
    ['".VnCentury SchoolbookH"', true],
    ['.VnTime', false],
    ['.VnTifani Heavy', false],
    ['VNI-Times', false],
    ['Arial', false],
    ['', false],
  ])('%j → %s', (family, expected) => {
    expect(isUppercaseLegacyFont(family)).toBe(expected);
  });
});
