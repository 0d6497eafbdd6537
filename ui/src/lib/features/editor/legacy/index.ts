import { decodeTcvn3 } from './tcvn3';
import { decodeVni } from './vni';
import { decodeViqr } from './viqr';

export { detectLegacyEncoding } from './detect';
export { encodingFromFontFamily, isUppercaseLegacyFont } from './fonts';

export type LegacyEncoding = 'tcvn3' | 'vni' | 'viqr';

export interface ConvertOptions {
  /**
   * Render the result in capitals, as the all-capital TCVN3 fonts (.VnTimeH…) display every
   * letter; set it when `isUppercaseLegacyFont` is true for the run's font.
   */
  uppercase?: boolean;
}

/** Converts legacy-encoded text to Unicode NFC. Characters that are not part of the encoding pass through unchanged. */
export function convertLegacy(
  text: string,
  encoding: LegacyEncoding,
  options: ConvertOptions = {},
): string {
  let result: string;
  if (encoding === 'tcvn3') result = decodeTcvn3(text).text;
  else if (encoding === 'vni') result = decodeVni(text).text;
  else result = decodeViqr(text);
  if (options.uppercase) result = result.toUpperCase();
  return result.normalize('NFC');
}
