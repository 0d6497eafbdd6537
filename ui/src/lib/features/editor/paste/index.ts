import { nfc } from '../../../text/normalize';
import { convertLegacy, detectLegacyEncoding } from '../legacy';
import { walk } from './clean';
import { createOutputDocument, parseHtml, removeForms } from './dom';
import { unwrapGdocsWrapper } from './gdocs';
import { convertLegacyRuns } from './legacyFonts';
import { serialize } from './serialize';
import { detectSource, type PasteSource } from './source';
import { convertWordLists } from './word';

export type { PasteSource };

export type PasteReport = {
  legacy: 'tcvn3' | 'vni' | null;
  removedImages: number;
  source: PasteSource;
};

/**
 * Cleans clipboard HTML into the subset the article editor's schema allows. Uses
 * DOMParser, whose documents are inert: nothing in them loads or runs while we read them.
 * Meant for HTML from other programs: the editor's own copies (marked `data-pm-slice`)
 * carry figures, which this would strip with the other images.
 */
export function cleanPastedHtml(html: string): { html: string; report: PasteReport } {
  const { root, body } = parseHtml(html);
  const out = createOutputDocument();
  const source = detectSource(html, root, body);
  const removedImages = body.querySelectorAll('img').length;
  removeForms(body);
  // Font names are the evidence for legacy encodings, so this runs before anything moves.
  const legacy = convertLegacyRuns(root, body);
  unwrapGdocsWrapper(body);
  convertWordLists(body, out);
  return { html: serialize(out, walk(body)), report: { legacy, removedImages, source } };
}

/** Plain-text paste: line endings to LF, NFC, and legacy text converted when detected. */
export function cleanPastedText(text: string): { text: string; legacy: 'tcvn3' | 'vni' | null } {
  const lf = nfc(text.replace(/\r\n?/g, '\n'));
  const legacy = detectLegacyEncoding(lf);
  return { text: legacy ? nfc(convertLegacy(lf, legacy)) : lf, legacy };
}
