import type { NodeViewRenderer } from '@tiptap/core';
import { isMediaReference } from '../../../backend/photoUrl';
import type { FigureAttrs } from './figure';

export type FigureViewOptions = {
  t: (key: string) => string;
  /** A URL the webview may load for a figure's source, or null to show its name instead. */
  resolveImage: (src: string) => string | null;
};

function fileName(src: string): string {
  return src.split(/[\\/]/).pop() || src;
}

function field(className: string, label: string, placeholder: string, testId: string) {
  const wrap = document.createElement('label');
  wrap.className = `figure-field ${className}`;
  const span = document.createElement('span');
  span.textContent = label;
  const input = document.createElement('input');
  input.type = 'text';
  input.placeholder = placeholder;
  input.dataset.testid = testId;
  wrap.append(span, input);
  return { wrap, input };
}

/**
 * The figure as the writer edits it: its photos, then caption and credit fields right
 * under them, where the published page shows them. The fields belong to the view, not to
 * ProseMirror's text, so typing in them (with any Vietnamese IME) never fights the editor.
 */
export function figureView({ t, resolveImage }: FigureViewOptions): NodeViewRenderer {
  return ({ node: initial, getPos, editor }) => {
    let node = initial;
    const dom = document.createElement('figure');
    dom.className = 'figure-block';
    dom.dataset.testid = 'figure';
    const images = document.createElement('div');
    images.className = 'figure-images';
    const caption = field(
      'caption',
      t('editor.figure.caption'),
      t('editor.figure.captionPlaceholder'),
      'figure-caption',
    );
    const credit = field(
      'credit',
      t('editor.figure.credit'),
      t('editor.figure.creditPlaceholder'),
      'figure-credit',
    );
    const alts = document.createElement('div');
    alts.className = 'figure-alts';
    // A gallery grows from here: another photo under the same caption and credit.
    const add = document.createElement('div');
    add.className = 'figure-add';
    const addInput = document.createElement('input');
    addInput.type = 'text';
    addInput.placeholder = t('editor.figure.addPlaceholder');
    addInput.dataset.testid = 'figure-add-input';
    const addButton = document.createElement('button');
    addButton.type = 'button';
    addButton.textContent = t('editor.figure.add');
    addButton.dataset.testid = 'figure-add';
    add.append(addInput, addButton);
    dom.append(images, caption.wrap, credit.wrap, alts, add);

    const update = (attrs: Partial<FigureAttrs>) => {
      const pos = typeof getPos === 'function' ? getPos() : undefined;
      if (typeof pos === 'number') editor.commands.updateFigure(pos, attrs);
    };
    const addPhoto = () => {
      const src = addInput.value.trim();
      if (!src) return;
      update({ images: [...(node.attrs as FigureAttrs).images, { src, alt: '' }] });
      addInput.value = '';
    };
    addButton.addEventListener('click', addPhoto);
    addInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        addPhoto();
      }
    });
    const removePhoto = (index: number) => {
      const rest = (node.attrs as FigureAttrs).images.filter((_, j) => j !== index);
      const pos = typeof getPos === 'function' ? getPos() : undefined;
      if (typeof pos !== 'number') return;
      // The last photo gone, the figure goes: a caption without a photo is not a figure.
      if (rest.length === 0)
        editor
          .chain()
          .focus()
          .deleteRange({ from: pos, to: pos + node.nodeSize })
          .run();
      else update({ images: rest });
    };
    caption.input.addEventListener('input', () => update({ caption: caption.input.value }));
    credit.input.addEventListener('input', () => update({ credit: credit.input.value }));

    const render = () => {
      const attrs = node.attrs as FigureAttrs;
      images.replaceChildren(
        ...attrs.images.map((img, i) => {
          const tile = document.createElement('div');
          tile.className = 'figure-tile';
          const missing = () => {
            const el = document.createElement('div');
            el.className = 'figure-missing';
            el.textContent = fileName(img.src);
            el.title = img.src;
            return el;
          };
          const url = resolveImage(img.src);
          if (url) {
            const el = document.createElement('img');
            el.dataset.testid = 'figure-img';
            el.src = url;
            el.alt = img.alt;
            // A reference to a photo the library no longer has: say which file, not a
            // broken-image icon.
            el.addEventListener('error', () => el.replaceWith(missing()), { once: true });
            tile.append(el);
          } else {
            tile.append(missing());
          }
          const remove = document.createElement('button');
          remove.type = 'button';
          remove.className = 'figure-remove';
          remove.textContent = '×';
          remove.title = t('editor.figure.remove');
          remove.setAttribute('aria-label', t('editor.figure.remove'));
          remove.dataset.testid = 'figure-remove';
          remove.addEventListener('click', () => removePhoto(i));
          tile.append(remove);
          return tile;
        }),
      );
      dom.classList.toggle('gallery', attrs.images.length > 1);
      // Never rewrite a field the writer is typing in: it would break IME composition.
      if (document.activeElement !== caption.input) caption.input.value = attrs.caption;
      if (document.activeElement !== credit.input) credit.input.value = attrs.credit;
      alts.replaceChildren(
        ...attrs.images.map((img, i) => {
          // A file path tells which photo of a gallery the field is for; a library reference
          // (a content hash) tells the writer nothing, so say what the text is for instead.
          const hint = isMediaReference(img.src) ? t('editor.figure.altHint') : img.src;
          const alt = field('alt', t('editor.figure.alt'), hint, 'figure-alt');
          alt.input.value = img.alt;
          alt.input.addEventListener('input', () => {
            const next = (node.attrs as FigureAttrs).images.map((im, j) =>
              j === i ? { ...im, alt: alt.input.value } : im,
            );
            update({ images: next });
          });
          return alt.wrap;
        }),
      );
    };
    render();

    return {
      dom,
      update(next) {
        if (next.type !== node.type) return false;
        const imagesChanged =
          JSON.stringify(next.attrs.images) !== JSON.stringify(node.attrs.images);
        node = next;
        if (imagesChanged && !alts.contains(document.activeElement)) render();
        else {
          const attrs = node.attrs as FigureAttrs;
          if (document.activeElement !== caption.input) caption.input.value = attrs.caption;
          if (document.activeElement !== credit.input) credit.input.value = attrs.credit;
        }
        return true;
      },
      // Keys and clicks inside the fields are the fields' own.
      stopEvent: (event) =>
        event.target instanceof HTMLInputElement || event.target instanceof HTMLButtonElement,
      ignoreMutation: () => true,
    };
  };
}
