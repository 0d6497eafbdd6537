export interface RichCopy {
  html: string;
  text: string;
}

/** Refused: the content could not be made (the error was shown where it happened). */
export class CopyCancelled extends Error {}

/**
 * Puts HTML and plain text on the clipboard for one click, so a portal's rich-text editor
 * takes the HTML and a plain field the text. Web views accept a clipboard write only while
 * the click is being handled, and the article must first be saved and rendered: so the
 * write starts now, with the content still to come (`content` is a promise). Call it
 * directly from the click handler, before any `await`.
 */
export async function copyRich(content: Promise<RichCopy>): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    const blob = (type: 'text/html' | 'text/plain') => {
      const made = content.then(
        (c) => new Blob([type === 'text/html' ? c.html : c.text], { type }),
      );
      // The reason is reported once, below; the web view may never read this flavour.
      made.catch(() => undefined);
      return made;
    };
    try {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/html': blob('text/html'), 'text/plain': blob('text/plain') }),
      ]);
      return;
    } catch {
      // A web view without promised clipboard items still allows a write for a few
      // seconds after the click: try again with the content in hand. (Content that could
      // not be made throws its own error here, not the web view's.)
      const ready = await content;
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([ready.html], { type: 'text/html' }),
          'text/plain': new Blob([ready.text], { type: 'text/plain' }),
        }),
      ]);
      return;
    }
  }
  const ready = await content;
  if (!copyWithEvent(ready)) throw new Error('clipboard');
}

/** The older way: a `copy` event handler fills both flavours. */
function copyWithEvent({ html, text }: RichCopy): boolean {
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
