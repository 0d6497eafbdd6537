const ALLOWED = new Set(['http', 'https', 'mailto']);

/**
 * The href to keep, or null when the link must be reduced to its text. Follows the URL
 * parser's own leniency (it drops edge whitespace and any tab or newline) so that
 * " java\nscript:" cannot pass as something harmless.
 */
export function safeHref(raw: string | null): string | null {
  if (raw === null) return null;
  const href = trimControls(raw).replace(/[\t\n\r]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1].toLowerCase();
  if (!scheme || !ALLOWED.has(scheme)) return null;
  if (scheme === 'mailto') return href.length > 'mailto:'.length ? href : null;
  try {
    return new URL(href).host ? href : null;
  } catch {
    return null;
  }
}

// By hand rather than with /[\0- ]+$/, which backtracks quadratically over long inner runs.
function trimControls(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return s.slice(start, end);
}
