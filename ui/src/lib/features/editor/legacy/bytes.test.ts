import { describe, expect, it } from 'vitest';
import { charOfByte, legacyByte } from './bytes';

describe('legacyByte', () => {
  it.each([
    ['a', 0x61],
    ['¸', 0xb8],
    ['\u00ad', 0xad],
    ['ÿ', 0xff],
    // The same byte arrives as a Windows-1252 character or as a C1 control.
    ['€', 0x80],
    ['\u0080', 0x80],
    ['…', 0x85],
    ['\u0085', 0x85],
    ['™', 0x99],
    ['\u0099', 0x99],
    ['Ÿ', 0x9f],
    ['\u009f', 0x9f],
    ['\u0081', 0x81],
  ])('%j is byte %i', (ch, byte) => {
    expect(legacyByte(ch)).toBe(byte);
  });

  it.each(['ā', 'ấ', '日', '😀'])('%j is no byte', (ch) => {
    expect(legacyByte(ch)).toBeNull();
  });

  it('charOfByte inverts it for every byte', () => {
    for (let b = 0; b <= 0xff; b++) expect(legacyByte(charOfByte(b))).toBe(b);
  });
});
