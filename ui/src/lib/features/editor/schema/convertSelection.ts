import type { Editor } from '@tiptap/core';
import { convertLegacy, type LegacyEncoding } from '../legacy';

/**
 * Rewrites the selected text from a legacy encoding to Unicode, text node by text node so
 * that bold, italic and links stay where they were. One transaction: one undo.
 */
export function convertSelection(editor: Editor, encoding: LegacyEncoding): boolean {
  const { state } = editor;
  const { from, to, empty } = state.selection;
  if (empty) return false;
  const ranges: {
    start: number;
    end: number;
    text: string;
    node: import('@tiptap/pm/model').Node;
  }[] = [];
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText || !node.text) return true;
    const start = Math.max(from, pos);
    const end = Math.min(to, pos + node.nodeSize);
    ranges.push({ start, end, text: node.text.slice(start - pos, end - pos), node });
    return false;
  });
  const tr = state.tr;
  for (const r of ranges.reverse()) {
    const converted = convertLegacy(r.text, encoding);
    if (converted !== r.text) {
      tr.replaceWith(r.start, r.end, state.schema.text(converted, r.node.marks));
    }
  }
  if (!tr.docChanged) return false;
  editor.view.dispatch(tr.scrollIntoView());
  return true;
}
