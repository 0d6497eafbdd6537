// Vietnamese can arrive decomposed (NFD) from some keyboards and pasted text; the backend
// stores and compares NFC, so everything the user typed is composed before it is sent.
export function nfc(s: string): string {
  return s.normalize('NFC');
}

export function cleanText(s: string): string {
  return nfc(s).replace(/\s+/g, ' ').trim();
}

export function nullIfBlank(s: string): string | null {
  const v = cleanText(s);
  return v === '' ? null : v;
}
