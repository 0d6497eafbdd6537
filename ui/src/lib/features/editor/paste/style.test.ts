import { describe, expect, it } from 'vitest';
import { declaredFontFamily, firstFamily, parseStyle } from './style';

const el = (html: string) => {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return body.firstElementChild as Element;
};

describe('style helpers', () => {
  it.each([
    ['"\\.VnTime",sans-serif', '.VnTime'],
    ["'\\2E VnArial'", '.VnArial'],
    ['.VnTimeH', '.VnTimeH'],
    ['"VNI-Times", serif', 'VNI-Times'],
    ['"Times New Roman"', 'Times New Roman'],
    ['"a\\"b, c", d', 'a"b, c'],
    ['"\\FFFFFF"', '\ufffd'],
  ])('firstFamily(%j) = %j', (list, family) => {
    expect(firstFamily(list)).toBe(family);
  });

  it('tells font-weight from mso-bidi-font-weight', () => {
    const style = parseStyle(
      el(`<b style='mso-bidi-font-weight:normal;FONT-WEIGHT : 700 !important'>x</b>`),
    );
    expect(style.get('font-weight')).toBe('700');
    expect(style.get('mso-bidi-font-weight')).toBe('normal');
  });

  it.each([
    [`<span style='font-family:"\\.VnTime";mso-bidi-font-family:Arial'>`, '.VnTime'],
    [`<span style='mso-bidi-font-family:".VnTime"'>`, null],
    [`<span style='font:7.0pt "Times New Roman"'>`, 'Times New Roman'],
    [`<span style="font: italic bold 13pt/1.2 '.VnTime', serif">`, '.VnTime'],
    [`<font face="VNI-Helve, sans-serif">`, 'VNI-Helve'],
    [`<span face=".VnTime">`, null],
  ])('declaredFontFamily(%s) = %j', (html, family) => {
    expect(declaredFontFamily(el(html + 'x'))).toBe(family);
  });
});
