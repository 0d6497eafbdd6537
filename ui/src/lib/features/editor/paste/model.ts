import { nfc } from '../../../text/normalize';

export type Marks = { bold: boolean; italic: boolean; underline: boolean; href: string | null };

export type Inline = { kind: 'text'; text: string; marks: Marks } | { kind: 'br' };

export type TextBlockKind = 'p' | 'h2' | 'h3' | 'h4';

export type Cell = { header: boolean; colspan: number; rowspan: number; children: Block[] };

export type Block =
  // `implicit` paragraphs were loose inline content, not a <p> in the source.
  | { kind: TextBlockKind; implicit: boolean; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Block[][] }
  | { kind: 'blockquote'; children: Block[] }
  | { kind: 'table'; head: Cell[][]; body: Cell[][] }
  | { kind: 'hr' };

/**
 * Collects the blocks of one container (the fragment, a list item, a cell, a quote). Inline
 * content accumulates into the current text block until a block element ends it, the way
 * a browser lays out `text<div>…</div>text`.
 */
export class Sink {
  private readonly blocks: Block[] = [];
  private run: Inline[] = [];
  private kind: TextBlockKind = 'p';
  private implicit = true;

  inline(item: Inline): void {
    this.run.push(item);
  }

  block(block: Block): void {
    this.flush();
    this.blocks.push(block);
  }

  textBlock(kind: TextBlockKind, fill: () => void): void {
    this.flush();
    const saved = { kind: this.kind, implicit: this.implicit };
    this.kind = kind;
    this.implicit = false;
    fill();
    this.flush();
    this.kind = saved.kind;
    this.implicit = saved.implicit;
  }

  done(): Block[] {
    this.flush();
    return this.blocks;
  }

  private flush(): void {
    const content = normalizeInline(this.run);
    this.run = [];
    if (content.length) this.blocks.push({ kind: this.kind, implicit: this.implicit, content });
  }
}

// Whitespace is collapsed as a browser would render it. Non-breaking spaces become plain
// spaces: Word fills its indents and empty paragraphs with them, and none are wanted at the
// edges of a line.
function normalizeInline(run: Inline[]): Inline[] {
  const out: Inline[] = [];
  let lineStart = true;
  for (const item of run) {
    if (item.kind === 'br') {
      trimEnd(out);
      out.push(item);
      lineStart = true;
      continue;
    }
    let text = nfc(item.text).replace(/[ \t\n\r\f\u00a0]+/g, ' ');
    const last = out[out.length - 1];
    if (lineStart || (last?.kind === 'text' && last.text.endsWith(' '))) {
      text = text.replace(/^ /, '');
    }
    if (!text) continue;
    out.push({ ...item, text });
    lineStart = false;
  }
  trimEnd(out);
  while (out[0]?.kind === 'br') out.shift();
  while (out[out.length - 1]?.kind === 'br') {
    out.pop();
    trimEnd(out);
  }
  return out.some((i) => i.kind === 'text') ? out : [];
}

function trimEnd(out: Inline[]): void {
  for (let last = out[out.length - 1]; last?.kind === 'text'; last = out[out.length - 1]) {
    last.text = last.text.replace(/ $/, '');
    if (last.text) return;
    out.pop();
  }
}
