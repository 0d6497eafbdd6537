import { describe, expect, it } from 'vitest';
import { countChars, countWords } from './words';

describe('countWords', () => {
  it('counts Vietnamese words and skips lone punctuation', () => {
    expect(countWords('Trung tâm Văn hóa, Thể thao - Truyền thông')).toBe(8);
    expect(countWords('  ')).toBe(0);
    expect(countWords('Năm 2024: 120 hộ')).toBe(4);
  });
});

describe('countChars', () => {
  it('counts a decomposed letter once', () => {
    expect(countChars('Hue\u0302\u0323')).toBe(3);
  });
});
