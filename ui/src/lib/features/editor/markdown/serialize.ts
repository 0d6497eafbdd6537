import {
  MarkdownSerializer,
  defaultMarkdownSerializer,
  type MarkdownSerializerState,
} from 'prosemirror-markdown';
import type { Node } from '@tiptap/pm/model';
import type { FigureAttrs } from '../schema/figure';

const base = defaultMarkdownSerializer;

/** A link destination that survives any path: `<…>` when it holds spaces or brackets. */
function destination(url: string): string {
  const escaped = url.replace(/\\/g, '\\\\');
  return /[\s()<>]/.test(url) ? `<${escaped.replace(/[<>]/g, '\\$&')}>` : escaped;
}

function quotedTitle(title: string): string {
  return title ? ` "${title.replace(/[\\"]/g, '\\$&')}"` : '';
}

function writeLines(state: MarkdownSerializerState, lines: string[]) {
  lines.forEach((line, i) => {
    if (i > 0) state.ensureNewLine();
    state.write(line);
  });
}

function figure(state: MarkdownSerializerState, node: Node) {
  const { images, caption, credit } = node.attrs as FigureAttrs;
  const lines = images.map(
    (img) => `![${state.esc(img.alt)}](${destination(img.src)}${quotedTitle(credit)})`,
  );
  // A caption-only line would parse back as a figure without images: drop it instead.
  if (caption.trim() && lines.length) lines.push(`*${state.esc(caption.trim())}*`);
  writeLines(state, lines);
  state.closeBlock(node);
}

function cellMarkdown(cell: Node): string {
  const doc = cell.type.schema.topNodeType.create(null, cell.content);
  return (
    articleSerializer
      .serialize(doc, { tightLists: true })
      .replace(/\s*\n+\s*/g, ' ')
      .replace(/\|/g, '\\|')
      .trim() || ' '
  );
}

function table(state: MarkdownSerializerState, node: Node) {
  const rows: string[][] = [];
  node.forEach((row) => {
    const cells: string[] = [];
    row.forEach((cell) => cells.push(cellMarkdown(cell)));
    rows.push(cells);
  });
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? ' ').join(' | ')} |`;
  const [head, ...body] = rows;
  writeLines(state, [line(head), line(Array(width).fill('---')), ...body.map(line)]);
  state.closeBlock(node);
}

export const articleSerializer: MarkdownSerializer = new MarkdownSerializer(
  {
    paragraph: base.nodes.paragraph,
    text: base.nodes.text,
    heading: base.nodes.heading,
    blockquote: base.nodes.blockquote,
    horizontalRule: (state, node) => {
      state.write('---');
      state.closeBlock(node);
    },
    bulletList: (state, node) => state.renderList(node, '  ', () => '- '),
    orderedList: (state, node) => {
      const start = Number(node.attrs.start) || 1;
      const width = String(start + node.childCount - 1).length;
      state.renderList(node, ' '.repeat(width + 2), (i) => {
        const n = String(start + i);
        return ' '.repeat(width - n.length) + n + '. ';
      });
    },
    listItem: base.nodes.list_item,
    hardBreak: base.nodes.hard_break,
    codeBlock: (state, node) => {
      const fence = node.textContent.includes('```') ? '~~~~' : '```';
      state.write(fence + (node.attrs.language ?? '') + '\n');
      state.text(node.textContent, false);
      state.ensureNewLine();
      state.write(fence);
      state.closeBlock(node);
    },
    table,
    tableRow: () => {},
    tableHeader: () => {},
    tableCell: () => {},
    figure,
  },
  {
    bold: base.marks.strong,
    italic: base.marks.em,
    underline: { open: '<u>', close: '</u>', mixable: true, expelEnclosingWhitespace: true },
    link: base.marks.link,
    code: base.marks.code,
  },
  // `<` is escaped so that text about HTML stays text when pulldown-cmark renders it.
  { hardBreakNodeName: 'hardBreak', escapeExtraCharacters: /</g },
);

/** The body as stored: NFC, no trailing blank lines. */
export function toMarkdown(doc: Node): string {
  return articleSerializer.serialize(doc, { tightLists: true }).normalize('NFC').trimEnd();
}
