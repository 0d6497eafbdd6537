import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { toMarkdown } from '../markdown';
import type { PasteReport } from '../paste';
import { articleExtensions } from './extensions';
import { PasteCleanup } from './pasteCleanup';

// jsdom has no ClipboardEvent; ProseMirror's pasteHTML/pasteText only need the type.
globalThis.ClipboardEvent ??= class extends Event {} as unknown as typeof ClipboardEvent;

let editor: Editor | null = null;
afterEach(() => editor?.destroy());

function setup() {
  const reports: PasteReport[] = [];
  editor = new Editor({
    extensions: articleExtensions([PasteCleanup.configure({ onReport: (r) => reports.push(r) })]),
  });
  return { editor, reports };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('paste into the editor', () => {
  it('a Word fragment arrives as clean structure, a TCVN3 run as Unicode, with reports', async () => {
    const { editor, reports } = setup();
    editor.view.pasteHTML(
      '<p class="MsoNormal" style="font-family:Calibri"><b>Kết quả</b> <span style="font-family:.VnTime">n¨m 2026 ®¹t</span><o:p></o:p></p>' +
        '<img src="https://tracker.example/p.gif" width="1" height="1">',
    );
    await flush();
    expect(toMarkdown(editor.state.doc)).toBe('**Kết quả** năm 2026 đạt');
    expect(reports).toEqual([{ legacy: 'tcvn3', removedImages: 1, source: 'word' }]);
  });

  it('what the editor copied itself, figures included, is pasted as it is', async () => {
    const { editor, reports } = setup();
    editor.view.pasteHTML(
      '<figure data-pm-slice="0 0 []"><img src="media/a.jpg" alt="Lễ hội"><figcaption>Người dân dự lễ<span class="credit"> Ảnh: Kim Huệ</span></figcaption></figure>',
    );
    await flush();
    expect(toMarkdown(editor.state.doc)).toBe(
      '![Lễ hội](media/a.jpg "Ảnh: Kim Huệ")\n*Người dân dự lễ*',
    );
    expect(reports).toEqual([]);
  });

  it('plain text in VNI is converted', async () => {
    const { editor, reports } = setup();
    editor.view.pasteText('Trung taâm Vaên hoùa, Theå thao');
    await flush();
    expect(editor.state.doc.textContent).toBe('Trung tâm Văn hóa, Thể thao');
    expect(reports[0]?.legacy).toBe('vni');
  });
});
