import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { fromMarkdown, toMarkdown } from '../markdown';
import { articleExtensions } from './extensions';
import { convertSelection } from './convertSelection';

let editor: Editor | null = null;
afterEach(() => editor?.destroy());

function editorWith(markdown: string) {
  editor = new Editor({
    extensions: articleExtensions(),
    content: fromMarkdown(markdown).toJSON(),
  });
  return editor;
}

/** Selects from the first occurrence of `start` to the end of the paragraph. */
function selectFrom(e: Editor, start: string) {
  let from = -1;
  e.state.doc.descendants((node, pos) => {
    const i = node.isText ? (node.text ?? '').indexOf(start) : -1;
    if (from < 0 && i >= 0) from = pos + i;
  });
  const to = e.state.doc.content.size - 1;
  e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, from, to)));
}

describe('convertSelection', () => {
  it('converts only the selection and keeps its bold and links', () => {
    const e = editorWith('Giữ nguyên. **Céng hoµ** x· héi [chñ nghÜa](https://a.vn) ViÖt Nam');
    selectFrom(e, 'Céng');
    expect(convertSelection(e, 'tcvn3')).toBe(true);
    expect(toMarkdown(e.state.doc)).toBe(
      'Giữ nguyên. **Cộng hoà** xã hội [chủ nghĩa](https://a.vn) Việt Nam',
    );
    e.commands.undo();
    expect(toMarkdown(e.state.doc)).toContain('**Céng hoµ**');
  });

  it('converts VIQR typed in ASCII', () => {
    const e = editorWith('Vie^.t Nam');
    selectFrom(e, 'Vie');
    convertSelection(e, 'viqr');
    expect(e.state.doc.textContent).toBe('Việt Nam');
  });

  it('does nothing without a selection', () => {
    const e = editorWith('Céng hoµ');
    expect(convertSelection(e, 'tcvn3')).toBe(false);
    expect(e.state.doc.textContent).toBe('Céng hoµ');
  });
});
