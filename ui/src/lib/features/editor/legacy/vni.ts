import { legacyByte, type Decoded } from './bytes';

// VNI-Windows (VNI Software, the charset of the VNI-Times/VNI-Helve… fonts) writes most
// letters as an ASCII vowel followed by one "mark" byte that carries the hat/breve and the
// tone together; ơ ư đ, the i-family and ỵ are single precomposed bytes.
// prettier-ignore
const a = 0x61, e = 0x65, o = 0x6f, u = 0x75, y = 0x79;
// prettier-ignore
const ACUTE = 0xf9, GRAVE = 0xf8, HOOK = 0xfb, TILDE = 0xf5, DOT = 0xef;
// prettier-ignore
const CIRC = 0xe2, CIRC_GRAVE = 0xe0, CIRC_HOOK = 0xe5, CIRC_TILDE = 0xe3, CIRC_ACUTE = 0xe1, CIRC_DOT = 0xe4;
// prettier-ignore
const BREVE = 0xea, BREVE_GRAVE = 0xe8, BREVE_HOOK = 0xfa, BREVE_TILDE = 0xfc, BREVE_ACUTE = 0xe9, BREVE_DOT = 0xeb;
// prettier-ignore
const O_HORN = 0xf4, U_HORN = 0xf6;

/**
 * VNI-Windows bytes of each lowercase letter. The chart puts every capital exactly 0x20
 * below its lowercase form (ASCII base and mark alike, e.g. ấ = "a" 0xE1, Ấ = "A" 0xC1),
 * so capitals are derived rather than listed.
 */
// prettier-ignore
export const VNI_LOWER: Readonly<Record<string, readonly number[]>> = {
  //  grave                 hook                  tilde                 acute                 dot below
  à: [a, GRAVE],        ả: [a, HOOK],         ã: [a, TILDE],        á: [a, ACUTE],        ạ: [a, DOT],
  ă: [a, BREVE],
  ằ: [a, BREVE_GRAVE],  ẳ: [a, BREVE_HOOK],   ẵ: [a, BREVE_TILDE],  ắ: [a, BREVE_ACUTE],  ặ: [a, BREVE_DOT],
  â: [a, CIRC],
  ầ: [a, CIRC_GRAVE],   ẩ: [a, CIRC_HOOK],    ẫ: [a, CIRC_TILDE],   ấ: [a, CIRC_ACUTE],   ậ: [a, CIRC_DOT],
  è: [e, GRAVE],        ẻ: [e, HOOK],         ẽ: [e, TILDE],        é: [e, ACUTE],        ẹ: [e, DOT],
  ê: [e, CIRC],
  ề: [e, CIRC_GRAVE],   ể: [e, CIRC_HOOK],    ễ: [e, CIRC_TILDE],   ế: [e, CIRC_ACUTE],   ệ: [e, CIRC_DOT],
  ì: [0xec],            ỉ: [0xe6],            ĩ: [0xf3],            í: [0xed],            ị: [0xf2],
  ò: [o, GRAVE],        ỏ: [o, HOOK],         õ: [o, TILDE],        ó: [o, ACUTE],        ọ: [o, DOT],
  ô: [o, CIRC],
  ồ: [o, CIRC_GRAVE],   ổ: [o, CIRC_HOOK],    ỗ: [o, CIRC_TILDE],   ố: [o, CIRC_ACUTE],   ộ: [o, CIRC_DOT],
  ơ: [O_HORN],
  ờ: [O_HORN, GRAVE],   ở: [O_HORN, HOOK],    ỡ: [O_HORN, TILDE],   ớ: [O_HORN, ACUTE],   ợ: [O_HORN, DOT],
  ù: [u, GRAVE],        ủ: [u, HOOK],         ũ: [u, TILDE],        ú: [u, ACUTE],        ụ: [u, DOT],
  ư: [U_HORN],
  ừ: [U_HORN, GRAVE],   ử: [U_HORN, HOOK],    ữ: [U_HORN, TILDE],   ứ: [U_HORN, ACUTE],   ự: [U_HORN, DOT],
  ỳ: [y, GRAVE],        ỷ: [y, HOOK],         ỹ: [y, TILDE],        ý: [y, ACUTE],        ỵ: [0xee],
  đ: [0xf1],
};

function toCapital(byte: number): number {
  return (byte >= 0x61 && byte <= 0x7a) || byte >= 0xe0 ? byte - 0x20 : byte;
}

/** VNI-Windows bytes of any Vietnamese letter, capital or not; undefined for others. */
export function vniBytes(letter: string): readonly number[] | undefined {
  const lower = letter.toLowerCase();
  const bytes = VNI_LOWER[lower];
  if (bytes === undefined || lower === letter) return bytes;
  return bytes.map(toCapital);
}

const key = (bytes: readonly number[]) => String.fromCharCode(...bytes);

const LETTER_OF_KEY = new Map<string, string>();
for (const [lower, bytes] of Object.entries(VNI_LOWER)) {
  const upper = lower.toUpperCase();
  const capital = bytes.map(toCapital);
  LETTER_OF_KEY.set(key(bytes), lower);
  LETTER_OF_KEY.set(key(capital), upper);
  if (bytes.length === 2) {
    // Old keyboard drivers sometimes paired a base with the other-case mark; the base decides.
    LETTER_OF_KEY.set(key([bytes[0], capital[1]]), lower);
    LETTER_OF_KEY.set(key([capital[0], bytes[1]]), upper);
  }
}

export function decodeVni(text: string): Decoded {
  const chars = Array.from(text);
  const keys = chars.map((ch) => {
    const byte = legacyByte(ch);
    return byte === null ? ch : String.fromCharCode(byte);
  });
  let out = '';
  let unmapped = 0;
  for (let i = 0; i < chars.length; i++) {
    const pair = i + 1 < chars.length ? LETTER_OF_KEY.get(keys[i] + keys[i + 1]) : undefined;
    if (pair !== undefined) {
      out += pair;
      i++;
      continue;
    }
    const single = LETTER_OF_KEY.get(keys[i]);
    if (single !== undefined) out += single;
    else {
      out += chars[i];
      if (chars[i] > '\u007f') unmapped++;
    }
  }
  return { text: out, unmapped };
}

/** The VNI-Windows string for Unicode text, or null if some character is not in the charset. */
export function encodeVni(text: string): string | null {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const bytes = vniBytes(ch);
    if (bytes !== undefined) out += key(bytes);
    else if (ch <= '\u007f') out += ch;
    else return null;
  }
  return out;
}
