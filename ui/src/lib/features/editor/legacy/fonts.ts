// Word keeps the font a run was typed in, and for legacy Vietnamese the font names the
// charset: TCVN3 fonts are called ".Vn…", VNI fonts "VNI-…" / "VNI …".

function firstFamily(fontFamily: string): string {
  const first = fontFamily.split(',')[0] ?? '';
  return first
    .trim()
    .replace(/^(['"])(.*)\1$/, '$2')
    .trim();
}

function encodingOfFamily(family: string): 'tcvn3' | 'vni' | null {
  if (/^\.vn/i.test(family)) return 'tcvn3';
  if (/^vni[- ]/i.test(family)) return 'vni';
  return null;
}

/**
 * The encoding implied by a CSS font-family value. Only the first family counts: it is the
 * font the text was typed and shown in, while later entries are mere fallbacks.
 */
export function encodingFromFontFamily(fontFamily: string): 'tcvn3' | 'vni' | null {
  return encodingOfFamily(firstFamily(fontFamily));
}

/**
 * True for the all-capital TCVN3 fonts (.VnTimeH, .VnArialH, .VnCentury SchoolbookH…), which
 * draw capitals at the lowercase byte positions. No regular .Vn font name ends in "h".
 */
export function isUppercaseLegacyFont(fontFamily: string): boolean {
  const family = firstFamily(fontFamily);
  return encodingOfFamily(family) === 'tcvn3' && /h$/i.test(family);
}
