import { describe, expect, it } from 'vitest';
import { formatAuthors, isMonth, normalizeCategoryPath, parseAuthors, parseTags } from './parse';

describe('parseAuthors', () => {
  it.each([
    ['Kim Huệ, Tùng Lâm', ['Kim Huệ', 'Tùng Lâm']],
    ['Kim Huệ - Tùng Lâm', ['Kim Huệ', 'Tùng Lâm']],
    ['Kim Huệ – Tùng Lâm; Minh Châu', ['Kim Huệ', 'Tùng Lâm', 'Minh Châu']],
    ['  Kim   Huệ ,, ', ['Kim Huệ']],
    ['Kim Huệ, Kim Huệ', ['Kim Huệ']],
    // A hyphen without spaces is part of a name, not a separator.
    ['Lê Thị Mai-Anh', ['Lê Thị Mai-Anh']],
    ['', []],
    ['Kim Hu\u0065\u0323\u0302', ['Kim Huệ']],
  ])('%j → %j', (input, expected) => {
    expect(parseAuthors(input)).toEqual(expected);
  });

  it('round-trips through formatAuthors', () => {
    const authors = ['Kim Huệ', 'Tùng Lâm'];
    expect(parseAuthors(formatAuthors(authors))).toEqual(authors);
  });
});

describe('parseTags', () => {
  it.each([
    ['giao thông, nông thôn mới', ['giao thông', 'nông thôn mới']],
    ['Lễ hội, lễ hội , du lịch', ['Lễ hội', 'du lịch']],
    [' , ', []],
    // Tags may legitimately contain a spaced dash.
    ['văn hóa - thể thao', ['văn hóa - thể thao']],
  ])('%j → %j', (input, expected) => {
    expect(parseTags(input)).toEqual(expected);
  });
});

describe('normalizeCategoryPath', () => {
  it.each([
    ['Tin tức/Kinh tế', 'Tin tức/Kinh tế'],
    [' Tin tức / Kinh tế / ', 'Tin tức/Kinh tế'],
    ['/Thể thao', 'Thể thao'],
    ['', null],
    ['  /  ', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeCategoryPath(input)).toBe(expected);
  });
});

describe('isMonth', () => {
  it.each([
    ['2024-03', true],
    ['2024-12', true],
    ['2024-13', false],
    ['2024-3', false],
    ['03/2024', false],
    ['', false],
  ])('%j → %s', (input, expected) => {
    expect(isMonth(input)).toBe(expected);
  });
});
