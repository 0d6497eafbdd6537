import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable } from './syllable';

describe('isVietnameseSyllable', () => {
  it.each([
    'Việt',
    'nghĩa',
    'Mường',
    'Khương',
    'quốc',
    'giữa',
    'gì',
    'uyên',
    'rượu',
    'xoong',
    'hoặc',
    'ĐỒNG',
    'anh',
    'ở',
  ])('accepts %s', (word) => {
    expect(isVietnameseSyllable(word)).toBe(true);
  });

  it.each([
    'café',
    'crème',
    'Grüße',
    'hello', // "ello" is no nucleus
    'tiê', // iê needs a final
    'hoáà', // two tones
    'gỏt', // only sắc/nặng before -t
    'aom', // glide nucleus takes no final
    'fà',
  ])('rejects %s', (word) => {
    expect(isVietnameseSyllable(word)).toBe(false);
  });
});
