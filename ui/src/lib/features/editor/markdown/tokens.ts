import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import type { FigureAttrs, FigureImage } from '../schema/figure';

// markdown-it produces CommonMark tokens; these rewrites turn them into the editor's
// vocabulary before prosemirror-markdown builds the document.

type TokenCtor = StateCore['Token'];

function isBlank(t: Token): boolean {
  return t.type === 'softbreak' || (t.type === 'text' && t.content.trim() === '');
}

// An image token's `content` is the raw label source (escapes included); its children
// are the parsed label, which is what the alt text means.
function imageOf(t: Token): FigureImage {
  return { src: t.attrGet('src') ?? '', alt: plainText(t.children ?? []) };
}

function plainText(tokens: Token[]): string {
  return tokens
    .map((t) => (t.type === 'softbreak' || t.type === 'hardbreak' ? ' ' : (t.content ?? '')))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A paragraph of images, optionally closed by one emphasised line, is a figure: the
 * images' titles carry the credit, the emphasised line is the caption.
 */
export function asFigure(children: Token[]): FigureAttrs | null {
  const parts = children.filter((t) => !isBlank(t));
  const images: FigureImage[] = [];
  let credit = '';
  let i = 0;
  for (; i < parts.length && parts[i].type === 'image'; i++) {
    images.push(imageOf(parts[i]));
    credit ||= parts[i].attrGet('title') ?? '';
  }
  if (images.length === 0) return null;
  if (i === parts.length) return { images, caption: '', credit };
  const last = parts[parts.length - 1];
  if (parts[i].type !== 'em_open' || last.type !== 'em_close') return null;
  // The caption must be the whole rest of the paragraph, so find where parts[i] closes.
  const startIndex = children.indexOf(parts[i]);
  const endIndex = children.lastIndexOf(last);
  const inner = children.slice(startIndex + 1, endIndex);
  let depth = 0;
  for (const t of inner) {
    if (t.type === 'em_open') depth++;
    if (t.type === 'em_close' && --depth < 0) return null;
    if (t.type === 'image') return null;
  }
  return { images, caption: plainText(inner), credit };
}

function figureToken(Token: TokenCtor, attrs: FigureAttrs): Token {
  const t = new Token('figure', 'figure', 0);
  t.block = true;
  t.meta = attrs;
  return t;
}

function paragraph(Token: TokenCtor, children: Token[]): Token[] {
  const open = new Token('paragraph_open', 'p', 1);
  const inline = new Token('inline', '', 0);
  inline.children = children;
  inline.content = '';
  const close = new Token('paragraph_close', 'p', -1);
  return [open, inline, close];
}

/** Images inside running text become figures of their own between the text's paragraphs. */
function splitParagraph(Token: TokenCtor, children: Token[]): Token[] {
  const out: Token[] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length && isBlank(run[0])) run.shift();
    while (run.length && isBlank(run[run.length - 1])) run.pop();
    if (run[0]?.type === 'text') run[0].content = run[0].content.trimStart();
    const last = run[run.length - 1];
    if (last?.type === 'text') last.content = last.content.trimEnd();
    if (run.length) out.push(...paragraph(Token, run));
    run = [];
  };
  for (const t of children) {
    if (t.type === 'image') {
      flush();
      out.push(
        figureToken(Token, { images: [imageOf(t)], caption: '', credit: t.attrGet('title') ?? '' }),
      );
    } else {
      run.push(t);
    }
  }
  flush();
  return out;
}

const UNDERLINE_OPEN = /^<u>$/i;
const UNDERLINE_CLOSE = /^<\/u>$/i;
const LINE_BREAK = /^<br\s*\/?>$/i;

/** Underline is stored as `<u>…</u>`; other raw HTML is kept visible as text, never run. */
function rewriteInlineHtml(children: Token[]): void {
  for (const t of children) {
    if (t.type !== 'html_inline') continue;
    const raw = t.content.trim();
    if (UNDERLINE_OPEN.test(raw)) {
      t.type = 'underline_open';
      t.nesting = 1;
    } else if (UNDERLINE_CLOSE.test(raw)) {
      t.type = 'underline_close';
      t.nesting = -1;
    } else if (LINE_BREAK.test(raw)) {
      t.type = 'hardbreak';
    } else {
      t.type = 'text';
    }
  }
}

function textToken(Token: TokenCtor, content: string): Token {
  const t = new Token('text', '', 0);
  t.content = content;
  return t;
}

export function editorTokens(md: MarkdownIt): void {
  md.core.ruler.push('bantin_editor_tokens', (state) => {
    const Token = state.Token;
    const out: Token[] = [];
    const src = state.tokens;
    for (let i = 0; i < src.length; i++) {
      const t = src[i];
      if (t.type === 'inline' && t.children) rewriteInlineHtml(t.children);
      if (t.type === 'html_block') {
        out.push(...paragraph(Token, [textToken(Token, t.content.trim())]));
        continue;
      }
      if (t.type === 'paragraph_open' && src[i + 1]?.children?.some((c) => c.type === 'image')) {
        const children = src[i + 1].children ?? [];
        const figure = asFigure(children);
        out.push(...(figure ? [figureToken(Token, figure)] : splitParagraph(Token, children)));
        i += 2;
        continue;
      }
      // Table cells hold paragraphs in the editor; markdown-it puts inline text directly.
      if ((t.type === 'th_open' || t.type === 'td_open') && src[i + 1]?.type === 'inline') {
        out.push(t, ...paragraph(Token, src[i + 1].children ?? []));
        i += 1;
        continue;
      }
      out.push(t);
    }
    state.tokens = out;
  });
}
