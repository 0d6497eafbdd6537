import { parseStyle } from './style';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

// Removed with everything inside them: code, metadata, embedded content, form controls and
// media. Images are here too; they are counted separately before the walk.
const DROPPED = new Set([
  'applet',
  'area',
  'audio',
  'base',
  'button',
  'canvas',
  'col',
  'colgroup',
  'datalist',
  'dialog',
  'embed',
  'form',
  'frame',
  'frameset',
  'head',
  'iframe',
  'img',
  'input',
  'link',
  'map',
  'meta',
  'meter',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'optgroup',
  'option',
  'output',
  'param',
  'picture',
  'progress',
  'script',
  'select',
  'source',
  'style',
  'template',
  'textarea',
  'title',
  'track',
  'video',
  'xml',
]);

/**
 * True for elements whose whole subtree must go. Anything outside the HTML namespace (SVG,
 * MathML) goes too: their content models let `<script>` and `<style>` hide inside.
 */
export function isDropped(el: Element): boolean {
  if (el.namespaceURI !== HTML_NS) return true;
  if (DROPPED.has(el.localName)) return true;
  if (el.hasAttribute('hidden')) return true;
  // Word marks hidden text this way; it was not visible in the document, so it is not pasted.
  const style = parseStyle(el);
  return style.get('display') === 'none' || style.get('mso-hide') === 'all';
}

// Elements that end the current paragraph and start a new one; their own tag is not kept.
export const PARAGRAPH_LIKE = new Set([
  'address',
  'article',
  'aside',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'header',
  'hgroup',
  'legend',
  'li',
  'main',
  'nav',
  'p',
  'pre',
  'section',
  'summary',
]);

export const HEADING: Record<string, 'h2' | 'h3' | 'h4'> = {
  h1: 'h2',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h4',
  h6: 'h4',
};
