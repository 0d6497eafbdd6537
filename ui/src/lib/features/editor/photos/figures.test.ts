import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import type { MediaItem } from '../../../backend/backend';
import { fromMarkdown, toMarkdown } from '../markdown';
import { articleExtensions } from '../schema/extensions';
import { figureAttrs, insertFigures, trackPosition } from './figures';

function item(over: Partial<MediaItem>): MediaItem {
  return {
    id: 1,
    hash: 'ab12',
    file_name: 'IMG_0001.JPG',
    ext: 'jpg',
    width: 4000,
    height: 3000,
    bytes: 1,
    has_alpha: false,
    caption: '',
    credit: '',
    alt: '',
    edit: { rotate: 0, crop: null },
    imported_at: 0,
    ...over,
  };
}

let editor: Editor | null = null;
afterEach(() => editor?.destroy());

function mount(markdown: string) {
  editor = new Editor({
    element: document.body.appendChild(document.createElement('div')),
    extensions: articleExtensions(),
    content: fromMarkdown(markdown).toJSON(),
  });
  return editor;
}

const keoCo = item({
  hash: 'c0ffee',
  caption: 'Thi kéo co',
  credit: 'Ảnh: Minh Châu',
  alt: 'Hai đội kéo co',
});

describe('library photos as figures', () => {
  it('carries caption, credit and alt text over from the library', () => {
    expect(figureAttrs(keoCo)).toEqual({
      images: [{ src: 'media/c0ffee.jpg', alt: 'Hai đội kéo co' }],
      caption: 'Thi kéo co',
      credit: 'Ảnh: Minh Châu',
    });
  });

  it('describes a photo without alt text by its caption', () => {
    const a = figureAttrs(item({ caption: 'Lễ hội'.normalize('NFD') }));
    expect(a.images[0].alt).toBe('Lễ hội'.normalize('NFC'));
    expect(a.caption).toBe('Lễ hội'.normalize('NFC'));
  });

  it('inserts one figure per photo at the cursor', () => {
    const e = mount('Đoạn một.\n\nĐoạn hai.');
    e.commands.setTextSelection(e.state.doc.child(0).nodeSize - 1); // end of paragraph one
    insertFigures(e, [keoCo, item({ hash: 'beef', ext: 'png', caption: 'Ảnh hai' })]);
    expect(toMarkdown(e.state.doc)).toBe(
      'Đoạn một.\n\n![Hai đội kéo co](media/c0ffee.jpg "Ảnh: Minh Châu")\n*Thi kéo co*\n\n' +
        '![Ảnh hai](media/beef.png)\n*Ảnh hai*\n\nĐoạn hai.',
    );
  });

  it('puts a photo dropped inside a paragraph before or after it, whichever is nearer', () => {
    const blocks = (at: number) => {
      const e = mount('Đoạn một.\n\nĐoạn hai.');
      insertFigures(e, [keoCo], at);
      const md = toMarkdown(e.state.doc).split('\n\n');
      e.destroy();
      return md.map((b) => (b.startsWith('![') ? 'ảnh' : b));
    };
    expect(blocks(3)).toEqual(['ảnh', 'Đoạn một.', 'Đoạn hai.']); // "Đo|ạn một."
    expect(blocks(9)).toEqual(['Đoạn một.', 'ảnh', 'Đoạn hai.']); // "Đoạn mộ|t."
  });

  it('keeps a drop position in place while the writer types above it', () => {
    const e = mount('Đoạn một.\n\nĐoạn hai.');
    const before = e.state.doc.child(0).nodeSize; // between the paragraphs
    const tracked = trackPosition(e, before);
    e.commands.insertContentAt(1, 'Mới: ');
    expect(tracked.get()).toBe(before + 5);
    tracked.stop();
    insertFigures(e, [keoCo], tracked.get());
    expect(toMarkdown(e.state.doc).split('\n\n')[1]).toMatch(/^!\[Hai đội kéo co\]/);
  });

  it('inserts nothing into a read-only body', () => {
    const e = mount('Đoạn.');
    e.setEditable(false);
    expect(insertFigures(e, [keoCo])).toBe(false);
    expect(toMarkdown(e.state.doc)).toBe('Đoạn.');
  });
});
