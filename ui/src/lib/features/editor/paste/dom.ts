// In browsers a named element shadows the document's own properties (`<img name="body">`
// makes `doc.body` that image, `<img name="createElement">` breaks `doc.createElement`), and
// a <form> is shadowed the same way by its controls (`<input name="childNodes">`). The
// source document is therefore only reached through prototype getters, new nodes come
// from a document of our own, and forms are taken out before anything reads them.

function viaPrototype(doc: Document, name: 'body' | 'documentElement'): Element | null {
  const get = Object.getOwnPropertyDescriptor(Document.prototype, name)?.get;
  const value: unknown = get ? get.call(doc) : doc[name];
  return value instanceof Element ? value : null;
}

/** The parsed document's root and body, immune to clobbering. */
export function parseHtml(html: string): { root: Element; body: Element } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const root = viaPrototype(doc, 'documentElement');
  const body = viaPrototype(doc, 'body') ?? root;
  if (!root || !body) throw new Error('DOMParser returned a document without a root');
  return { root, body };
}

/** Forms go whole: a copied form holds controls and their labels, not article text. */
export function removeForms(body: Element): void {
  for (const form of Array.from(body.querySelectorAll('form'))) {
    Element.prototype.remove.call(form);
  }
}

export function createOutputDocument(): Document {
  return document.implementation.createHTMLDocument('');
}
