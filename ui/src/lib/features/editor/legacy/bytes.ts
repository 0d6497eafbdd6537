// Text typed in a legacy 8-bit font reaches us as one character per byte. Word's HTML
// clipboard shows bytes 0x80–0x9F as their Windows-1252 characters (€ ‚ ƒ … ™ Ÿ), while
// plain-text paths keep them as C1 controls U+0080–U+009F; both must map to the same byte.

// Windows-1252 characters for 0x80–0x9F; the five unassigned positions keep their C1 control.
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

const BYTE_OF_CP1252 = new Map<string, number>(
  Array.from(CP1252_80_9F, (ch, i) => [ch, 0x80 + i] as [string, number]),
);

/** The byte a pasted character stands for, or null if it cannot come from an 8-bit font. */
export function legacyByte(ch: string): number | null {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code <= 0xff) return code;
  return BYTE_OF_CP1252.get(ch) ?? null;
}

/** The character Word would paste for a byte (Windows-1252 where it differs from Latin-1). */
export function charOfByte(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80] : String.fromCharCode(byte);
}

/** Result of decoding: the text, and how many non-ASCII characters had no meaning in the charset. */
export interface Decoded {
  text: string;
  unmapped: number;
}
