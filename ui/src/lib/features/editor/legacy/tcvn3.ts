import { legacyByte, type Decoded } from './bytes';

/**
 * TCVN 5712:1993, code table VN3 — the "ABC" charset of the .VnTime/.VnArial… fonts.
 * ASCII is unchanged, 0x80–0x9F are unassigned and 0xA0 is NBSP (kept as is).
 *
 * VN3 has all 67 lowercase letters but capitals only for the seven letters without a tone.
 * Toned capitals were typed with the all-capital ".Vn…H" fonts, which draw capitals at the
 * lowercase positions; the bytes alone cannot tell, so the caller passes `uppercase`.
 */
// prettier-ignore
export const TCVN3_BYTE: Readonly<Record<string, number>> = {
  Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7,
  ă: 0xa8, â: 0xa9, ê: 0xaa, ô: 0xab, ơ: 0xac, ư: 0xad, đ: 0xae,
  //  grave      hook       tilde      acute      dot below
  à: 0xb5,   ả: 0xb6,   ã: 0xb7,   á: 0xb8,   ạ: 0xb9,
  ằ: 0xbb,   ẳ: 0xbc,   ẵ: 0xbd,   ắ: 0xbe,   ặ: 0xc6,
  ầ: 0xc7,   ẩ: 0xc8,   ẫ: 0xc9,   ấ: 0xca,   ậ: 0xcb,
  è: 0xcc,   ẻ: 0xce,   ẽ: 0xcf,   é: 0xd0,   ẹ: 0xd1,
  ề: 0xd2,   ể: 0xd3,   ễ: 0xd4,   ế: 0xd5,   ệ: 0xd6,
  ì: 0xd7,   ỉ: 0xd8,   ĩ: 0xdc,   í: 0xdd,   ị: 0xde,
  ò: 0xdf,   ỏ: 0xe1,   õ: 0xe2,   ó: 0xe3,   ọ: 0xe4,
  ồ: 0xe5,   ổ: 0xe6,   ỗ: 0xe7,   ố: 0xe8,   ộ: 0xe9,
  ờ: 0xea,   ở: 0xeb,   ỡ: 0xec,   ớ: 0xed,   ợ: 0xee,
  ù: 0xef,   ủ: 0xf1,   ũ: 0xf2,   ú: 0xf3,   ụ: 0xf4,
  ừ: 0xf5,   ử: 0xf6,   ữ: 0xf7,   ứ: 0xf8,   ự: 0xf9,
  ỳ: 0xfa,   ỷ: 0xfb,   ỹ: 0xfc,   ý: 0xfd,   ỵ: 0xfe,
};

const LETTER_OF_BYTE = new Map<number, string>(
  Object.entries(TCVN3_BYTE).map(([letter, byte]) => [byte, letter] as [number, string]),
);

export function decodeTcvn3(text: string): Decoded {
  let out = '';
  let unmapped = 0;
  for (const ch of text) {
    const byte = legacyByte(ch);
    const letter = byte === null ? undefined : LETTER_OF_BYTE.get(byte);
    if (letter !== undefined) out += letter;
    else {
      out += ch;
      if (ch > '\u007f') unmapped++;
    }
  }
  return { text: out, unmapped };
}

/** The TCVN3 string for Unicode text, or null if some letter has no VN3 code. */
export function encodeTcvn3(text: string): string | null {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const byte = TCVN3_BYTE[ch];
    if (byte !== undefined) out += String.fromCharCode(byte);
    else if (ch <= '\u007f') out += ch;
    else return null;
  }
  return out;
}
