const GUID = '[id^="docs-internal-guid"]';

// Google Docs wraps a copied fragment in `<b style="font-weight:normal" id="docs-internal-
// guid-…">`. It is not bold; it only carries the copy id. Unwrapping it outright (instead of
// trusting the style) keeps the fragment from turning bold should the style ever be missing.
// A partial copy puts the id on the fragment's own first element (a <ul>, a <p>) instead,
// and that element is real content, so only the <b> goes.
export function unwrapGdocsWrapper(body: Element): void {
  for (const el of Array.from(body.querySelectorAll(`b${GUID}`))) {
    el.replaceWith(...Array.from(el.childNodes));
  }
}

export function isGdocs(body: Element): boolean {
  return body.querySelector(GUID) !== null;
}
