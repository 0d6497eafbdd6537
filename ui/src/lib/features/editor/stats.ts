import type { Node } from '@tiptap/pm/model';
import { countChars, countWords } from '../../text/words';
import type { FigureAttrs } from './schema/figure';

/** What a reader reads: text blocks and captions, as the Rust word count does. */
export function bodyStats(doc: Node): { words: number; chars: number } {
  let words = 0;
  let chars = 0;
  doc.descendants((node) => {
    if (node.type.name === 'figure') {
      const caption = (node.attrs as FigureAttrs).caption;
      words += countWords(caption);
      chars += countChars(caption);
      return false;
    }
    if (node.isTextblock) {
      words += countWords(node.textContent);
      chars += countChars(node.textContent);
      return false;
    }
    return true;
  });
  return { words, chars };
}
