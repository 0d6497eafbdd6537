import MarkdownIt from 'markdown-it';
import { MarkdownParser } from 'prosemirror-markdown';
import type { Schema } from '@tiptap/pm/model';
import type { Token } from 'markdown-it';
import { editorTokens } from './tokens';

// Raw HTML is parsed only so that `<u>` can become underline; everything else stays text.
// Links are taken as written (no percent-encoding of Vietnamese or spaces) so that they
// come back byte for byte; only script-like schemes are refused here, the export
// sanitises again.
const UNSAFE_LINK = /^\s*(javascript|vbscript|data):/i;

export function markdownIt(): MarkdownIt {
  const md = new MarkdownIt('commonmark', { html: true }).enable('table');
  md.normalizeLink = (url: string) => url;
  md.normalizeLinkText = (url: string) => url;
  md.validateLink = (url: string) => !UNSAFE_LINK.test(url);
  md.use(editorTokens);
  return md;
}

const clampLevel = (tag: string) => Math.min(4, Math.max(2, Number(tag.slice(1)) || 2));

export function markdownParser(schema: Schema): MarkdownParser {
  return new MarkdownParser(schema, markdownIt(), {
    blockquote: { block: 'blockquote' },
    paragraph: { block: 'paragraph' },
    list_item: { block: 'listItem' },
    bullet_list: { block: 'bulletList' },
    ordered_list: {
      block: 'orderedList',
      getAttrs: (tok: Token) => ({ start: Number(tok.attrGet('start')) || 1 }),
    },
    // The article's title is its only h1; a body heading is h2–h4.
    heading: { block: 'heading', getAttrs: (tok: Token) => ({ level: clampLevel(tok.tag) }) },
    code_block: { block: 'codeBlock', noCloseToken: true },
    fence: {
      block: 'codeBlock',
      getAttrs: (tok: Token) => ({ language: tok.info.trim() || null }),
      noCloseToken: true,
    },
    hr: { node: 'horizontalRule' },
    hardbreak: { node: 'hardBreak' },
    em: { mark: 'italic' },
    strong: { mark: 'bold' },
    underline: { mark: 'underline' },
    link: {
      mark: 'link',
      getAttrs: (tok: Token) => ({ href: tok.attrGet('href'), title: tok.attrGet('title') }),
    },
    code_inline: { mark: 'code', noCloseToken: true },
    table: { block: 'table' },
    thead: { ignore: true },
    tbody: { ignore: true },
    tr: { block: 'tableRow' },
    th: { block: 'tableHeader' },
    td: { block: 'tableCell' },
    figure: { node: 'figure', getAttrs: (tok: Token) => tok.meta, noCloseToken: true },
  });
}
