import { Node, mergeAttributes } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';

export type FigureImage = { src: string; alt: string };
export type FigureAttrs = { images: FigureImage[]; caption: string; credit: string };

export const FIGURE = 'figure';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      insertFigure: (attrs: Partial<FigureAttrs> & { images: FigureImage[] }) => ReturnType;
      updateFigure: (pos: number, attrs: Partial<FigureAttrs>) => ReturnType;
    };
  }
}

/**
 * A photo (or a gallery of photos sharing one caption) with its caption and credit.
 * It is an atom: caption, credit and alt text are attributes edited in the figure's own
 * fields, so the document stays a flat list of blocks that maps one-to-one onto the
 * Markdown figure syntax (docs/figure-syntax.md).
 */
export const Figure = Node.create({
  name: FIGURE,
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      images: { default: [] as FigureImage[], rendered: false },
      caption: { default: '', rendered: false },
      credit: { default: '', rendered: false },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (el) => {
          const images = [...el.querySelectorAll('img')].map((img) => ({
            src: img.getAttribute('src') ?? '',
            alt: img.getAttribute('alt') ?? '',
          }));
          if (images.length === 0) return false;
          const credit = el.querySelector('figcaption .credit')?.textContent?.trim() ?? '';
          const captionEl = el.querySelector('figcaption')?.cloneNode(true) as HTMLElement | null;
          captionEl?.querySelector('.credit')?.remove();
          return { images, caption: captionEl?.textContent?.trim() ?? '', credit };
        },
      },
    ];
  },

  // Used when a figure is copied out of the editor: plain, portal-friendly HTML.
  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as FigureAttrs;
    const caption: unknown[] = ['figcaption', {}, attrs.caption];
    if (attrs.credit) caption.push(['span', { class: 'credit' }, ` ${attrs.credit}`]);
    return [
      'figure',
      mergeAttributes(HTMLAttributes),
      ...attrs.images.map((img) => ['img', { src: img.src, alt: img.alt }]),
      caption,
    ] as unknown as [string, ...unknown[]];
  },

  addCommands() {
    return {
      insertFigure:
        (attrs) =>
        ({ commands, state }) => {
          const node = { type: this.name, attrs: { caption: '', credit: '', ...attrs } };
          // With a figure selected, the new one goes after it rather than replacing it.
          if (state.selection instanceof NodeSelection) {
            return commands.insertContentAt(state.selection.to, node);
          }
          return commands.insertContent(node);
        },
      updateFigure:
        (pos, attrs) =>
        ({ tr, state, dispatch }) => {
          const node = state.doc.nodeAt(pos);
          if (!node || node.type.name !== this.name) return false;
          if (dispatch) tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs });
          return true;
        },
    };
  },
});
