import type { Node } from '@tiptap/pm/model';
import { fold } from '../../../text/fold';
import { bodyStats } from '../stats';
import type { FigureAttrs } from '../schema/figure';

/** Longer titles get cut on portal home pages and in shared links. */
export const MAX_TITLE_CHARS = 120;
/** A long article needs a lead for readers (and portals) to show in lists. */
export const SAPO_REQUIRED_ABOVE_WORDS = 600;

export type CheckRule =
  | 'titlePresent'
  | 'titleLength'
  | 'sapoForLongBody'
  | 'figureCaption'
  | 'figureCredit'
  | 'creditInternet'
  | 'emptyHeading'
  | 'localLink';

export type CheckTarget = { field: 'title' | 'sapo' } | { pos: number };

export type CheckItem = {
  rule: CheckRule;
  ok: boolean;
  /** Values for the message, e.g. which photo. */
  values?: Record<string, string | number>;
  /** Where to go to fix it. */
  target?: CheckTarget;
};

export type CheckInput = { title: string; sapo: string; doc: Node };

// "Nguồn: Internet" (any accents, case or spacing) is not a credit a newsroom can publish.
const INTERNET_CREDIT = /\binternet\b/;
const LOCAL_LINK = /^(file:|[a-z]:[\\/]|\\\\|\/(?!\/))/i;

function pass(rule: CheckRule): CheckItem {
  return { rule, ok: true };
}

/** Every rule appears: once when it passes, once per problem when it does not. */
export function runChecks({ title, sapo, doc }: CheckInput): CheckItem[] {
  const items: CheckItem[] = [];
  const titleText = title.trim();
  items.push({ rule: 'titlePresent', ok: titleText !== '', target: { field: 'title' } });
  const titleChars = [...titleText.normalize('NFC')].length;
  items.push({
    rule: 'titleLength',
    ok: titleChars <= MAX_TITLE_CHARS,
    values: { count: titleChars, max: MAX_TITLE_CHARS },
    target: { field: 'title' },
  });

  const figures: { pos: number; n: number; attrs: FigureAttrs }[] = [];
  const emptyHeadings: number[] = [];
  const localLinks: { pos: number; href: string }[] = [];
  const { words } = bodyStats(doc);
  doc.descendants((node, pos) => {
    if (node.type.name === 'figure') {
      figures.push({ pos, n: figures.length + 1, attrs: node.attrs as FigureAttrs });
      return false;
    }
    if (node.type.name === 'heading' && node.textContent.trim() === '') emptyHeadings.push(pos);
    if (node.isText) {
      const link = node.marks.find((m) => m.type.name === 'link');
      const href = String(link?.attrs.href ?? '');
      if (link && LOCAL_LINK.test(href) && !localLinks.some((l) => l.href === href)) {
        localLinks.push({ pos, href });
      }
    }
    return true;
  });

  items.push({
    rule: 'sapoForLongBody',
    ok: words <= SAPO_REQUIRED_ABOVE_WORDS || sapo.trim() !== '',
    values: { words, max: SAPO_REQUIRED_ABOVE_WORDS },
    target: { field: 'sapo' },
  });

  const perFigure = (rule: CheckRule, bad: (a: FigureAttrs) => boolean) => {
    const failing = figures.filter((f) => bad(f.attrs));
    if (failing.length === 0) items.push(pass(rule));
    for (const f of failing) {
      items.push({ rule, ok: false, values: { n: f.n }, target: { pos: f.pos } });
    }
  };
  perFigure('figureCaption', (a) => a.caption.trim() === '');
  perFigure('figureCredit', (a) => a.credit.trim() === '');
  perFigure('creditInternet', (a) => INTERNET_CREDIT.test(fold(a.credit)));

  if (emptyHeadings.length === 0) items.push(pass('emptyHeading'));
  for (const pos of emptyHeadings) items.push({ rule: 'emptyHeading', ok: false, target: { pos } });

  if (localLinks.length === 0) items.push(pass('localLink'));
  for (const l of localLinks) {
    items.push({ rule: 'localLink', ok: false, values: { href: l.href }, target: { pos: l.pos } });
  }
  return items;
}
