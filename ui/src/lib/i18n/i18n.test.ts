import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../backend/backend';
import en from './en.json';
import vi from './vi.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('translations', () => {
  it('vi and en define the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it.each(ERROR_CODES)('error code %s has a non-empty message in both languages', (code) => {
    expect(vi.errors[code]).toBeTruthy();
    expect(en.errors[code]).toBeTruthy();
  });

  it('uses the exact Vietnamese status labels', () => {
    expect(vi.status).toEqual({ draft: 'Bản nháp', published: 'Đã đăng' });
  });
});

describe('editor messages', () => {
  const rules = [
    'titlePresent',
    'titleLength',
    'sapoForLongBody',
    'figureCaption',
    'figureCredit',
    'creditInternet',
    'emptyHeading',
    'localLink',
  ] as const;
  it.each(rules)('checklist rule %s has a pass and a fail message in both languages', (rule) => {
    for (const lang of [vi, en]) {
      expect(lang.checks.pass[rule]).toBeTruthy();
      expect(lang.checks.fail[rule]).toBeTruthy();
    }
  });
});
