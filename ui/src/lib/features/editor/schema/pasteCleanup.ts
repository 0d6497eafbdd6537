import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { cleanPastedHtml, cleanPastedText, type PasteReport } from '../paste';

export type PasteCleanupOptions = { onReport: (report: PasteReport) => void };

/**
 * Everything pasted from outside goes through the paste module's allow-list and legacy
 * encoding rescue. What ProseMirror copied itself (marked with data-pm-slice) is already
 * the editor's own structure, figures included, and is let through.
 */
export const PasteCleanup = Extension.create<PasteCleanupOptions>({
  name: 'pasteCleanup',
  addOptions() {
    return { onReport: () => {} };
  },
  addProseMirrorPlugins() {
    const report = (r: PasteReport) => queueMicrotask(() => this.options.onReport(r));
    return [
      new Plugin({
        key: new PluginKey('pasteCleanup'),
        props: {
          transformPastedHTML(html) {
            if (html.includes('data-pm-slice')) return html;
            const cleaned = cleanPastedHtml(html);
            report(cleaned.report);
            return cleaned.html;
          },
          transformPastedText(text) {
            const cleaned = cleanPastedText(text);
            if (cleaned.legacy)
              report({ legacy: cleaned.legacy, removedImages: 0, source: 'plain' });
            return cleaned.text;
          },
        },
      }),
    ];
  },
});
