import { safeHref } from './links';
import { Sink, type Block, type Cell, type Marks } from './model';
import { parseStyle } from './style';
import { HEADING, PARAGRAPH_LIKE, isDropped } from './tags';
import { isWordListMarker } from './word';

type Ctx = { marks: Marks; pre: boolean };

const NO_MARKS: Marks = { bold: false, italic: false, underline: false, href: null };

// Headings and header cells are bold by nature; their style saying so is not a mark.
const NO_STYLE_MARKS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th']);

/**
 * Walks the source DOM and keeps only what the editor's schema allows. Nothing of the
 * source is copied as markup; the result is a fresh model built from recognised elements.
 */
export function walk(root: Element): Block[] {
  const sink = new Sink();
  walkChildren(root, sink, { marks: NO_MARKS, pre: false });
  return sink.done();
}

function walkChildren(parent: Node, sink: Sink, ctx: Ctx): void {
  for (const child of Array.from(parent.childNodes)) walkNode(child, sink, ctx);
}

function walkNode(node: Node, sink: Sink, ctx: Ctx): void {
  if (node.nodeType === 3) {
    addText(node.textContent ?? '', sink, ctx);
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  if (isDropped(el) || isWordListMarker(el)) return;
  const tag = el.localName;
  const inner: Ctx = { ...ctx, marks: marksFor(el, ctx.marks) };
  if (tag === 'br') {
    sink.inline({ kind: 'br' });
  } else if (tag === 'hr') {
    sink.block({ kind: 'hr' });
  } else if (tag === 'ul' || tag === 'ol') {
    const list = listBlock(el, inner);
    if (list) sink.block(list);
  } else if (tag === 'blockquote') {
    const children = walkContainer(el, inner);
    if (children.length) sink.block({ kind: 'blockquote', children });
  } else if (tag === 'table') {
    tableBlocks(el, sink, inner);
  } else if (tag in HEADING) {
    sink.textBlock(HEADING[tag], () => walkChildren(el, sink, inner));
  } else if (PARAGRAPH_LIKE.has(tag)) {
    const ctx2 = tag === 'pre' ? { ...inner, pre: true } : inner;
    sink.textBlock('p', () => walkChildren(el, sink, ctx2));
  } else {
    // Inline and unknown elements (span, font, o:p, smart tags …) give up their tag only.
    walkChildren(el, sink, inner);
  }
}

function addText(text: string, sink: Sink, ctx: Ctx): void {
  if (!ctx.pre) {
    sink.inline({ kind: 'text', text, marks: ctx.marks });
    return;
  }
  text.split('\n').forEach((line, i) => {
    if (i > 0) sink.inline({ kind: 'br' });
    sink.inline({ kind: 'text', text: line, marks: ctx.marks });
  });
}

function walkContainer(el: Element, ctx: Ctx): Block[] {
  const sink = new Sink();
  walkChildren(el, sink, ctx);
  return sink.done();
}

function marksFor(el: Element, inherited: Marks): Marks {
  const tag = el.localName;
  const marks = { ...inherited };
  if (tag === 'b' || tag === 'strong') marks.bold = true;
  if (tag === 'i' || tag === 'em') marks.italic = true;
  if (tag === 'u') marks.underline = true;
  if (tag === 'a') marks.href = safeHref(el.getAttribute('href')) ?? inherited.href;
  if (NO_STYLE_MARKS.has(tag)) return marks;
  // Google Docs (and many web editors) express formatting only through these properties.
  const style = parseStyle(el);
  const weight = style.get('font-weight')?.toLowerCase();
  if (weight) marks.bold = isBold(weight) ?? marks.bold;
  const fontStyle = style.get('font-style')?.toLowerCase();
  if (fontStyle === 'normal') marks.italic = false;
  else if (fontStyle === 'italic' || fontStyle?.startsWith('oblique')) marks.italic = true;
  // A child cannot cancel a parent's underline in CSS, so "none" changes nothing.
  const decoration = [style.get('text-decoration'), style.get('text-decoration-line')].join(' ');
  if (/\bunderline\b/i.test(decoration)) marks.underline = true;
  return marks;
}

function isBold(weight: string): boolean | null {
  if (weight === 'bold' || weight === 'bolder') return true;
  if (weight === 'normal' || weight === 'lighter') return false;
  const n = Number(weight);
  return Number.isFinite(n) ? n >= 600 : null;
}

// Lists from some editors (Google Docs among them) put a nested <ul> directly inside the
// parent <ul> rather than inside an <li>; it belongs to the item before it.
function listBlock(el: Element, ctx: Ctx): Block | null {
  const items: Block[][] = [];
  let loose: { sink: Sink; item: Block[] } | null = null;
  const closeLoose = () => {
    if (loose) loose.item.push(...loose.sink.done());
    loose = null;
  };
  for (const child of Array.from(el.childNodes)) {
    const tag = child.nodeType === 1 ? (child as Element).localName : '';
    if (tag && isDropped(child as Element)) continue;
    if (tag === 'li') {
      closeLoose();
      const li = child as Element;
      items.push(walkContainer(li, { ...ctx, marks: marksFor(li, ctx.marks) }));
    } else if (tag === 'ul' || tag === 'ol') {
      closeLoose();
      const nested = listBlock(child as Element, ctx);
      if (!nested) continue;
      if (items.length) items[items.length - 1].push(nested);
      else items.push([nested]);
    } else if (tag || /\S/.test(child.textContent ?? '')) {
      if (!loose) {
        loose = { sink: new Sink(), item: [] };
        items.push(loose.item);
      }
      walkNode(child, loose.sink, ctx);
    }
  }
  closeLoose();
  const kept = items.filter((item) => item.length > 0);
  return kept.length ? { kind: 'list', ordered: el.localName === 'ol', items: kept } : null;
}

function tableBlocks(table: Element, sink: Sink, ctx: Ctx): void {
  const head: Cell[][] = [];
  const body: Cell[][] = [];
  for (const child of Array.from(table.children)) {
    if (isDropped(child)) continue;
    const tag = child.localName;
    if (tag === 'caption') {
      // A caption is text about the table; it stays, as the paragraph before it.
      sink.textBlock('p', () => walkChildren(child, sink, ctx));
    } else if (tag === 'tr') {
      pushRow(child, body, ctx);
    } else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      const section = { ...ctx, marks: marksFor(child, ctx.marks) };
      for (const tr of Array.from(child.children)) {
        if (tr.localName === 'tr' && !isDropped(tr)) {
          pushRow(tr, tag === 'thead' ? head : body, section);
        }
      }
    }
  }
  const rows = [...head, ...body];
  // Old portal pages lay articles out in one-cell tables, and spacer tables hold only
  // images; neither is a table of data.
  if (rows.length === 1 && rows[0].length === 1) {
    for (const block of rows[0][0].children) sink.block(block);
  } else if (rows.some((row) => row.some((cell) => cell.children.length > 0))) {
    sink.block({ kind: 'table', head, body });
  }
}

function pushRow(tr: Element, rows: Cell[][], ctx: Ctx): void {
  const rowCtx = { ...ctx, marks: marksFor(tr, ctx.marks) };
  const cells: Cell[] = [];
  for (const cell of Array.from(tr.children)) {
    const tag = cell.localName;
    if ((tag !== 'td' && tag !== 'th') || isDropped(cell)) continue;
    cells.push({
      header: tag === 'th',
      colspan: span(cell.getAttribute('colspan')),
      rowspan: span(cell.getAttribute('rowspan')),
      children: walkContainer(cell, { ...rowCtx, marks: marksFor(cell, rowCtx.marks) }),
    });
  }
  if (cells.length) rows.push(cells);
}

function span(value: string | null): number {
  const n = Number(value?.trim());
  return Number.isInteger(n) && n > 1 && n <= 1000 ? n : 1;
}
