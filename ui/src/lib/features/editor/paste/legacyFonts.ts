import {
  convertLegacy,
  detectLegacyEncoding,
  encodingFromFontFamily,
  isUppercaseLegacyFont,
} from '../legacy';
import { nfc } from '../../../text/normalize';
import { SheetFonts } from './sheet';
import { declaredFontFamily } from './style';
import { isDropped } from './tags';
import { isWordListMarker } from './word';

export type Legacy = 'tcvn3' | 'vni' | null;

type Run = { node: Text; family: string | null };

// Letters that exist in Unicode Vietnamese but in no 8-bit legacy font. A run holding one
// was typed in Unicode, so a guess made from the whole fragment must not touch it.
const UNICODE_ONLY =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

// Font information is inherited, so each text node is paired with the family declared by
// its nearest ancestor that declares one.
function collectRuns(parent: Element, inherited: string | null, sheet: SheetFonts, out: Run[]) {
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType === 3) {
      out.push({ node: child as Text, family: inherited });
    } else if (child.nodeType === 1) {
      const el = child as Element;
      if (isDropped(el) || isWordListMarker(el)) continue;
      collectRuns(el, declaredFontFamily(el) ?? sheet.familyOf(el) ?? inherited, sheet, out);
    }
  }
}

/**
 * Converts TCVN3/VNI text to Unicode in place. Must run before styles are stripped, since
 * the font names are what tell us the encoding. Without any legacy font name, the text
 * itself is examined, as happens when the fonts were lost on the way to the clipboard.
 */
export function convertLegacyRuns(root: Element, body: Element): Legacy {
  const sheet = new SheetFonts(root);
  const runs: Run[] = [];
  collectRuns(body, declaredFontFamily(body) ?? sheet.familyOf(body), sheet, runs);
  let found: Legacy = null;
  for (const run of runs) {
    const encoding = run.family ? encodingFromFontFamily(run.family) : null;
    if (!run.family || !encoding) continue;
    found ??= encoding;
    const uppercase = isUppercaseLegacyFont(run.family);
    run.node.data = convertLegacy(run.node.data, encoding, { uppercase });
  }
  if (found) return found;
  const detected = detectLegacyEncoding(nfc(runs.map((r) => r.node.data).join(' ')));
  if (!detected) return null;
  for (const run of runs) {
    if (!UNICODE_ONLY.test(run.node.data)) run.node.data = convertLegacy(run.node.data, detected);
  }
  return detected;
}
