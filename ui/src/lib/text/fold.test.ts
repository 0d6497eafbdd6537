import { describe, expect, it } from 'vitest';
import { fold, foldWords, matchesAllWords, searchFold } from './fold';

describe('fold', () => {
  it.each([
    ['hóa', 'hoa'],
    ['Văn Hóa', 'van hoa'],
    ['đường', 'duong'],
    ['ĐƯỜNG', 'duong'],
    ['Nguyễn Thị Ánh', 'nguyen thi anh'],
    ['Hợp tác xã', 'hop tac xa'],
    ['ỹ ỵ ự', 'y y u'],
    ['plain ascii', 'plain ascii'],
    // Decomposed input (as typed on some keyboards) folds the same as composed.
    ['hóa'.normalize('NFD'), 'hoa'],
  ])('fold(%j) = %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('searchFold', () => {
  it.each([
    ['kỹ thuật', 'kĩ thuật'],
    ['Lý do', 'lí do'],
    ['quý II', 'quí ii'],
    ['bác sỹ', 'bác sĩ'],
    ['tỷ lệ ky', 'tỉ lệ ki'],
  ])('%j and %j fold alike', (a, b) => {
    expect(searchFold(a)).toBe(searchFold(b));
  });
  it.each([
    ['yêu', 'yeu'],
    ['y tế', 'y te'],
    ['thủy tuy huy', 'thuy tuy huy'],
    ['Quỳnh quyết', 'quynh quyet'],
  ])('%j stays %j', (input, expected) => {
    expect(searchFold(input)).toBe(expected);
  });
});

describe('foldWords / matchesAllWords', () => {
  it.each([
    ['hoa', 'le hoi van hoa dan gian', true],
    ['van hoa', 'le hoi van hoa dan gian', true],
    ['hoa bong', 'le hoi van hoa dan gian', false],
    ['  Đường   liên xã ', 'nang cap duong lien xa', true],
    ['', 'anything', true],
  ])('query %j in %j → %s', (query, haystack, expected) => {
    expect(matchesAllWords(haystack, foldWords(query))).toBe(expected);
  });
});
