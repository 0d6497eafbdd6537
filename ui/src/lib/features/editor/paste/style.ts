// Inline style attributes are read by hand rather than through element.style: jsdom and
// WebKit disagree on vendor properties such as Word's `mso-*`, and we need exact names so
// that `mso-bidi-font-weight` is never mistaken for `font-weight`.
export function parseStyle(el: Element): Map<string, string> {
  return parseDeclarations(el.getAttribute('style') ?? '');
}

/** `prop: value` pairs of a declaration block, property names lowercased. */
export function parseDeclarations(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const decl of splitOutsideQuotes(block, ';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    const value = decl
      .slice(colon + 1)
      .replace(/!important\s*$/i, '')
      .trim();
    if (prop) out.set(prop, value);
  }
  return out;
}

function splitOutsideQuotes(s: string, sep: string): string[] {
  const parts: string[] = [];
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
    } else if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === sep) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/**
 * The first family of a CSS font-family list, unquoted and unescaped: the one the program
 * actually used. Word escapes the leading dot of TCVN3 names: `font-family:"\.VnTime"`.
 */
export function firstFamily(list: string): string {
  const first = splitOutsideQuotes(list, ',')[0] ?? '';
  return unescapeCss(first.trim().replace(/^(["'])(.*)\1$/, '$2')).trim();
}

// CSS turns escapes of NUL, surrogates and beyond U+10FFFF into U+FFFD.
function codePoint(n: number): string {
  const valid = n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff);
  return String.fromCodePoint(valid ? n : 0xfffd);
}

function unescapeCss(s: string): string {
  return s.replace(/\\(?:([0-9a-f]{1,6})\s?|(.))/gi, (_, hex?: string, ch?: string) =>
    hex ? codePoint(parseInt(hex, 16)) : (ch ?? ''),
  );
}

/**
 * The font family this element itself declares (style font-family, the `font` shorthand,
 * or `<font face>`), or null when it inherits one.
 */
export function declaredFontFamily(el: Element): string | null {
  const style = parseStyle(el);
  const family = style.get('font-family');
  if (family) return firstFamily(family);
  const shorthand = style.get('font');
  if (shorthand) {
    // The family list follows the size (and optional /line-height) in the shorthand.
    const m = /(?:^|\s)[\d.]+[a-z%]*(?:\/\S+)?\s+(.+)$/i.exec(shorthand);
    if (m) return firstFamily(m[1]);
  }
  const face = el.localName === 'font' ? el.getAttribute('face') : null;
  return face ? firstFamily(face) : null;
}
