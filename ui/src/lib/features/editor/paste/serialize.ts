import type { Block, Cell, Inline } from './model';

// When a container's leading paragraph is written without its <p>: never (quotes), only
// when it was loose text in the source (the fragment), or when nothing but nested lists
// follows it (list items, table cells).
type Bare = 'never' | 'implicit' | 'item';

/**
 * Builds the clean DOM and returns its markup. A fragment that is only loose inline text
 * stays inline, so pasting a few words into a paragraph does not split it; list items and
 * cells holding one paragraph drop the <p>, the usual form of such HTML.
 */
export function serialize(doc: Document, blocks: Block[]): string {
  const root = doc.createElement('div');
  appendBlocks(doc, root, blocks, 'implicit');
  return root.innerHTML;
}

function appendBlocks(doc: Document, parent: Element, blocks: Block[], bare: Bare): void {
  const [first, ...rest] = blocks;
  const bareFirst =
    first?.kind === 'p' &&
    (bare === 'item'
      ? rest.every((b) => b.kind === 'list')
      : bare === 'implicit' && first.implicit && rest.length === 0);
  if (bareFirst) appendInline(doc, parent, first.content);
  for (const block of bareFirst ? rest : blocks) parent.appendChild(blockElement(doc, block));
}

function blockElement(doc: Document, block: Block): Element {
  switch (block.kind) {
    case 'hr':
      return doc.createElement('hr');
    case 'blockquote': {
      const el = doc.createElement('blockquote');
      appendBlocks(doc, el, block.children, 'never');
      return el;
    }
    case 'list': {
      const el = doc.createElement(block.ordered ? 'ol' : 'ul');
      for (const item of block.items) {
        const li = el.appendChild(doc.createElement('li'));
        appendBlocks(doc, li, item, 'item');
      }
      return el;
    }
    case 'table': {
      const el = doc.createElement('table');
      if (block.head.length)
        appendRows(doc, el.appendChild(doc.createElement('thead')), block.head);
      if (block.body.length)
        appendRows(doc, el.appendChild(doc.createElement('tbody')), block.body);
      return el;
    }
    default: {
      const el = doc.createElement(block.kind);
      appendInline(doc, el, block.content);
      return el;
    }
  }
}

function appendRows(doc: Document, section: Element, rows: Cell[][]): void {
  for (const row of rows) {
    const tr = section.appendChild(doc.createElement('tr'));
    for (const cell of row) {
      const el = tr.appendChild(doc.createElement(cell.header ? 'th' : 'td'));
      if (cell.colspan > 1) el.setAttribute('colspan', String(cell.colspan));
      if (cell.rowspan > 1) el.setAttribute('rowspan', String(cell.rowspan));
      appendBlocks(doc, el, cell.children, 'item');
    }
  }
}

type Mark = { key: string; create: () => Element };

function marksOf(doc: Document, item: Inline & { kind: 'text' }): Mark[] {
  const { bold, italic, underline, href } = item.marks;
  const out: Mark[] = [];
  if (href) {
    out.push({
      key: `a ${href}`,
      create: () => {
        const a = doc.createElement('a');
        a.setAttribute('href', href);
        return a;
      },
    });
  }
  if (bold) out.push({ key: 'strong', create: () => doc.createElement('strong') });
  if (italic) out.push({ key: 'em', create: () => doc.createElement('em') });
  // Links are drawn underlined already; Google Docs and Word spell that out on every link.
  if (underline && !href) out.push({ key: 'u', create: () => doc.createElement('u') });
  return out;
}

// Marks nest in a fixed order (link, bold, italic, underline), and an element stays open as
// long as the following text still carries its mark, so `<b>a</b><b>b</b>` becomes one.
function appendInline(doc: Document, parent: Element, content: Inline[]): void {
  const open: { key: string; el: Element }[] = [];
  const current = () => (open.length ? open[open.length - 1].el : parent);
  for (const item of content) {
    if (item.kind === 'br') {
      current().appendChild(doc.createElement('br'));
      continue;
    }
    const wanted = marksOf(doc, item);
    let same = 0;
    while (same < open.length && same < wanted.length && open[same].key === wanted[same].key) {
      same++;
    }
    open.length = same;
    for (const mark of wanted.slice(same)) {
      const el = current().appendChild(mark.create());
      open.push({ key: mark.key, el });
    }
    current().appendChild(doc.createTextNode(item.text));
  }
}
