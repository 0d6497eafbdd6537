import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatTime, intlLocale, monthParts } from './format';

describe('formatDate', () => {
  it.each([
    ['2024-01-15T03:00:00Z', 'vi', 'UTC', '15/01/2024'],
    ['2024-03-05T12:00:00Z', 'vi', 'UTC', '05/03/2024'],
    ['2024-03-05T12:00:00Z', 'en', 'UTC', '05/03/2024'],
    // Stored in UTC, shown in Vietnam time: 20:00Z on the 31st is already the 1st in Hà Nội.
    ['2023-12-31T20:00:00Z', 'vi', 'Asia/Ho_Chi_Minh', '01/01/2024'],
    ['not a date', 'vi', 'UTC', ''],
  ])('%s (%s, %s) → %s', (iso, locale, tz, expected) => {
    expect(formatDate(iso, locale, tz)).toBe(expected);
  });
});

describe('formatTime', () => {
  it.each([
    ['2024-01-15T03:05:00Z', 'UTC', '03:05'],
    ['2024-01-15T15:45:00Z', 'UTC', '15:45'],
    ['2024-01-15T15:45:00Z', 'Asia/Ho_Chi_Minh', '22:45'],
  ])('%s in %s → %s', (iso, tz, expected) => {
    expect(formatTime(new Date(iso), 'vi', tz)).toBe(expected);
  });
});

describe('formatNumber', () => {
  it.each([
    [0, 'vi', '0'],
    [1234, 'vi', '1.234'],
    [100000, 'vi', '100.000'],
    [1234, 'en', '1,234'],
  ])('%d (%s) → %s', (n, locale, expected) => {
    expect(formatNumber(n, locale)).toBe(expected);
  });
});

describe('intlLocale', () => {
  it.each([
    ['vi', 'vi-VN'],
    ['en', 'en-GB'],
    [null, 'vi-VN'],
  ])('%s → %s', (l, expected) => {
    expect(intlLocale(l)).toBe(expected);
  });
});

describe('monthParts', () => {
  it.each([
    ['2026-11', 'en', { year: '2026', month: 11, monthName: 'November' }],
    ['2026-01', 'en', { year: '2026', month: 1, monthName: 'January' }],
    ['2026-01', 'vi', expect.objectContaining({ year: '2026', month: 1 })],
  ])('%s (%s)', (month, locale, expected) => {
    expect(monthParts(month, locale)).toEqual(expected);
  });

  it.each(['2026-13', '2026-1', '', 'Nov 2026'])('rejects %j', (month) => {
    expect(monthParts(month, 'vi')).toBeNull();
  });
});
