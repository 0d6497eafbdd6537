import { parseStyle } from './style';

/** Word's generated list number or bullet (`<span style="mso-list:Ignore">1.&nbsp;</span>`). */
export function isWordListMarker(el: Element): boolean {
  return parseStyle(el).get('mso-list')?.toLowerCase() === 'ignore';
}

type ListParagraph = { el: Element; list: string; level: number; ordered: boolean };

// Word does not copy lists as <ul>/<ol>: each item is a paragraph whose style names the list
// (`mso-list:l0 level2 lfo1`) and whose text starts with the rendered marker. Only <p> is
// rebuilt; numbered headings keep being headings and merely lose their marker in the walk.
function listParagraph(el: Element): ListParagraph | null {
  if (el.localName !== 'p') return null;
  const m = /\bl(\d+)\s+level(\d+)\s+lfo(\d+)/i.exec(parseStyle(el).get('mso-list') ?? '');
  if (!m) return null;
  const marker = Array.from(el.querySelectorAll('span')).find(isWordListMarker);
  const text = (marker?.textContent ?? '').replace(/[\s\u00a0]+/g, '');
  marker?.remove();
  return { el, list: `${m[1]}:${m[3]}`, level: Number(m[2]), ordered: isOrderedMarker(text) };
}

// Numbers, letters and roman numerals followed by "." or ")" (also "1.2." and "(a)") are
// numbering; anything else Word draws (·, o, §, Ø, -, ü …) is a bullet.
function isOrderedMarker(marker: string): boolean {
  return /^\(?([0-9]+(\.[0-9]+)*|[a-z]|[ivxlcdm]+)[.)]$/i.test(marker);
}

function nextElementInRun(el: Element): Element | null {
  let n = el.nextSibling;
  // Word separates the paragraphs with newlines and conditional comments.
  while (n && (n.nodeType === 8 || (n.nodeType === 3 && !/\S/.test(n.textContent ?? '')))) {
    n = n.nextSibling;
  }
  return n && n.nodeType === 1 ? (n as Element) : null;
}

export function convertWordLists(body: Element, doc: Document): void {
  const done = new Set<Element>();
  for (const p of Array.from(body.querySelectorAll('p'))) {
    if (done.has(p)) continue;
    const run: ListParagraph[] = [];
    for (let el: Element | null = p; el; el = nextElementInRun(el)) {
      const item = listParagraph(el);
      if (!item) break;
      run.push(item);
      done.add(el);
    }
    if (run.length) buildLists(doc, run);
  }
}

type Open = { level: number; ordered: boolean; list: Element };

function buildLists(doc: Document, run: ListParagraph[]): void {
  const stack: Open[] = [];
  let listId = run[0].list;
  for (const item of run) {
    if (item.list !== listId) {
      stack.length = 0;
      listId = item.list;
    }
    while (stack.length && stack[stack.length - 1].level > item.level) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.level === item.level && top.ordered !== item.ordered) stack.pop();
    let open = stack[stack.length - 1];
    if (!open || open.level < item.level) {
      const list = doc.createElement(item.ordered ? 'ol' : 'ul');
      if (open) {
        const li = open.list.lastElementChild ?? open.list.appendChild(doc.createElement('li'));
        li.appendChild(list);
      } else {
        item.el.before(list);
      }
      open = { level: item.level, ordered: item.ordered, list };
      stack.push(open);
    }
    const li = doc.createElement('li');
    li.append(...Array.from(item.el.childNodes));
    open.list.appendChild(li);
    item.el.remove();
  }
}
