import { isGdocs } from './gdocs';

export type PasteSource = 'word' | 'libreoffice' | 'gdocs' | 'web' | 'plain';

// Only for the report: each fix-up (Word lists, the Google Docs wrapper) is keyed to its own
// markers, and the walk treats every source alike.
export function detectSource(html: string, root: Element, body: Element): PasteSource {
  if (isGdocs(body)) return 'gdocs';
  const generator = root.querySelector('meta[name="generator" i]')?.getAttribute('content') ?? '';
  const progId = root.querySelector('meta[name="ProgId" i]')?.getAttribute('content') ?? '';
  if (
    /Microsoft Word/i.test(generator) ||
    /^Word\./i.test(progId) ||
    /urn:schemas-microsoft-com:office:word|class=["']?Mso|<o:p\b|mso-[a-z-]+\s*:/i.test(html)
  ) {
    return 'word';
  }
  if (/LibreOffice|OpenOffice/i.test(generator) || body.querySelector('.western, .cjk, .ctl')) {
    return 'libreoffice';
  }
  if (!body.querySelector(':not(br)')) return 'plain';
  return 'web';
}
