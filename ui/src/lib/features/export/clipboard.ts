/**
 * Puts HTML and plain text on the clipboard in one user gesture. A `copy` event handler
 * fills both flavours, so a portal's rich-text editor takes the HTML and a plain field
 * the text; the HTML never enters the app's own page.
 */
export function copyRich(html: string, text: string): boolean {
  const fill = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/html', html);
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
  };
  document.addEventListener('copy', fill, { once: true });
  try {
    return document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', fill);
  }
}
