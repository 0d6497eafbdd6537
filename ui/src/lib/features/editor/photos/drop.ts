import type { EditorView } from '@tiptap/pm/view';
import type { DropPoint } from '../../../backend/backend';

/** Whether a drop landed on a visible element (a hidden view has an empty box). */
export function isOver(element: Element, at: DropPoint): boolean {
  const r = element.getBoundingClientRect();
  return (
    r.width > 0 &&
    r.height > 0 &&
    at.x >= r.left &&
    at.x <= r.right &&
    at.y >= r.top &&
    at.y <= r.bottom
  );
}

/** The document position under a point, or undefined (outside the text: use the cursor). */
export function positionAt(view: EditorView, at: DropPoint): number | undefined {
  try {
    return view.posAtCoords({ left: at.x, top: at.y })?.pos;
  } catch {
    // Engines without caret-from-point support (and jsdom) cannot say; the cursor will do.
    return undefined;
  }
}
