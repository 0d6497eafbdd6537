/** How an article body refers to a library photo: `media/<hash>.<ext>`. */
export function mediaReference(item: { hash: string; ext: string }): string {
  return `media/${item.hash}.${item.ext}`;
}

/** A library reference as written in an article (not a rendition, not a file path). */
export function isMediaReference(src: string): boolean {
  return /^media\/[0-9a-f]+\.[a-z0-9]+$/i.test(src);
}

/**
 * Where the app serves the open site's photos. WebView2 (Windows) reaches custom schemes
 * only as `http://<scheme>.localhost`; WebKit (Linux, macOS) takes the scheme itself. This
 * mirrors `media_protocol::base_url` on the Rust side.
 */
export function photoBase(userAgent: string): string {
  return /Windows/i.test(userAgent) ? 'http://bantin.localhost/' : 'bantin://localhost/';
}

/**
 * The URL of a photo under `base`: a rendition path as it is, or an article reference with
 * the width wanted (the server answers with the smallest rendition at least that wide).
 * Only `media/` paths are served; anything else gets null.
 */
export function photoUrl(base: string, path: string, width?: number): string | null {
  if (!path.startsWith('media/') || path.split('/').includes('..')) return null;
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  const wanted = width && width > 0 && isMediaReference(path) ? `?w=${Math.round(width)}` : '';
  return `${base}${encoded}${wanted}`;
}
