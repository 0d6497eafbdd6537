import type { Editor } from '@tiptap/core';
import { Fragment, Slice } from '@tiptap/pm/model';
import { dropPoint } from '@tiptap/pm/transform';
import type { MediaItem } from '../../../backend/backend';
import { mediaReference } from '../../../backend/photoUrl';
import { FIGURE, type FigureAttrs } from '../schema/figure';

/**
 * A library photo as a new figure: the caption, credit and alt text the library holds
 * (from the camera or typed there) are the starting point the writer edits. A photo
 * without alt text is described by its caption, better than nothing for a screen reader.
 */
export function figureAttrs(item: MediaItem): FigureAttrs {
  const caption = item.caption.normalize('NFC');
  const alt = (item.alt || item.caption).normalize('NFC');
  return {
    images: [{ src: mediaReference(item), alt }],
    caption,
    credit: item.credit.normalize('NFC'),
  };
}

/**
 * Inserts one figure per photo, in order: at `at` (a drop), moved to the nearest place a
 * block may go, or else at the cursor (after a selected figure rather than over it).
 */
export function insertFigures(editor: Editor, items: MediaItem[], at?: number): boolean {
  if (items.length === 0 || !editor.isEditable) return false;
  const content = items.map((item) => ({ type: FIGURE, attrs: figureAttrs(item) }));
  if (at === undefined) {
    const { selection } = editor.state;
    const isNode = 'node' in selection && selection.node;
    return isNode
      ? editor.chain().focus().insertContentAt(selection.to, content).run()
      : editor.chain().focus().insertContent(content).run();
  }
  const { doc, schema } = editor.state;
  const nodes = Fragment.from(content.map((c) => schema.nodeFromJSON(c)));
  const pos = Math.max(0, Math.min(at, doc.content.size));
  const target = dropPoint(doc, pos, new Slice(nodes, 0, 0)) ?? pos;
  return editor.chain().focus().insertContentAt(target, content).run();
}

/**
 * A document position that follows the writer's edits while an import runs, so photos
 * dropped before a paragraph still land before it after the writer typed above it.
 */
export function trackPosition(editor: Editor, pos: number): { get(): number; stop(): void } {
  let current = pos;
  const onTransaction = ({
    transaction,
  }: {
    transaction: { mapping: { map(p: number): number } };
  }) => {
    current = transaction.mapping.map(current);
  };
  editor.on('transaction', onTransaction);
  return {
    get: () => current,
    stop: () => editor.off('transaction', onTransaction),
  };
}
