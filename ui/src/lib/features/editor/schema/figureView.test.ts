import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { fromMarkdown, toMarkdown } from '../markdown';
import { articleExtensions } from './extensions';
import { Figure } from './figure';
import { figureView } from './figureView';

let editor: Editor | null = null;
afterEach(() => editor?.destroy());

function mount(markdown: string, resolveImage: (src: string) => string | null = () => null) {
  const element = document.createElement('div');
  document.body.append(element);
  editor = new Editor({
    element,
    extensions: articleExtensions().map((ext) =>
      ext.name === Figure.name
        ? Figure.extend({
            addNodeView: () => figureView({ t: (k) => k, resolveImage }),
          })
        : ext,
    ),
    content: fromMarkdown(markdown).toJSON(),
  });
  return { editor, element };
}

function typeInto(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('figure view', () => {
  it('caption and credit typed in the figure go into the document', () => {
    const { editor, element } = mount('![Lễ hội](media/a.jpg)');
    typeInto(element.querySelector('[data-testid="figure-caption"]')!, 'Người dân dự lễ');
    typeInto(element.querySelector('[data-testid="figure-credit"]')!, 'Ảnh: Kim Huệ');
    expect(toMarkdown(editor.state.doc)).toBe(
      '![Lễ hội](media/a.jpg "Ảnh: Kim Huệ")\n*Người dân dự lễ*',
    );
  });

  it('grows into a gallery and shrinks back; the last photo removed removes the figure', () => {
    const { editor, element } = mount('![a](media/a.jpg "Ảnh: A")\n*Chú thích*\n\nSau.');
    typeInto(element.querySelector('[data-testid="figure-add-input"]')!, 'media/b.jpg');
    (element.querySelector('[data-testid="figure-add"]') as HTMLButtonElement).click();
    expect(toMarkdown(editor.state.doc)).toBe(
      '![a](media/a.jpg "Ảnh: A")\n![](media/b.jpg "Ảnh: A")\n*Chú thích*\n\nSau.',
    );
    const removes = () =>
      element.querySelectorAll<HTMLButtonElement>('[data-testid="figure-remove"]');
    expect(removes()).toHaveLength(2);
    removes()[0].click();
    expect(toMarkdown(editor.state.doc)).toBe('![](media/b.jpg "Ảnh: A")\n*Chú thích*\n\nSau.');
    removes()[0].click();
    expect(toMarkdown(editor.state.doc)).toBe('Sau.');
  });

  it('shows a photo the web view can load, and its file name when it cannot', () => {
    const resolve = (src: string) =>
      src.startsWith('media/') ? `bantin://localhost/${src}` : null;
    const { element } = mount('![Kéo co](media/ab12.jpg)\n![](D:\\\\Ảnh\\\\cu.jpg)', resolve);
    const img = element.querySelector<HTMLImageElement>('[data-testid="figure-img"]')!;
    expect(img.getAttribute('src')).toBe('bantin://localhost/media/ab12.jpg');
    expect(img.alt).toBe('Kéo co');
    expect(element.querySelectorAll('[data-testid="figure-img"]')).toHaveLength(1);
    expect(element.querySelector('.figure-missing')).toHaveTextContent('cu.jpg');
  });

  it('falls back to the file name when the photo does not load (gone from the library)', () => {
    const { element } = mount('![](media/ab12.jpg)', (src) => `bantin://localhost/${src}`);
    element.querySelector('[data-testid="figure-img"]')!.dispatchEvent(new Event('error'));
    expect(element.querySelector('[data-testid="figure-img"]')).toBeNull();
    expect(element.querySelector('.figure-missing')).toHaveTextContent('ab12.jpg');
  });
});
