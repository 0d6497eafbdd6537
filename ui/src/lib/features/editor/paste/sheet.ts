import { firstFamily, parseDeclarations } from './style';

type Rule = { tag: string | null; cls: string | null; family: string };

/**
 * Fonts given by the fragment's own <style> rules. Word only writes a run's font inline when
 * it differs from the paragraph style, so a document whose Normal style is .VnTime names
 * that font only in `p.MsoNormal { font-family: "\.VnTime" }`. Only the simple selectors
 * Word and Writer use (`p`, `.Cls`, `p.Cls`) are understood.
 */
export class SheetFonts {
  private readonly rules: Rule[] = [];

  constructor(root: Element) {
    for (const style of Array.from(root.querySelectorAll('style'))) {
      const css = stripComments(style.textContent ?? '').replace(/<!--|-->/g, '');
      for (const chunk of css.split('}')) {
        const open = chunk.lastIndexOf('{');
        const selectors = chunk.slice(0, open);
        // At-rules (@font-face, @page, Word's @list) name no elements.
        if (open < 0 || selectors.includes('@')) continue;
        const family = parseDeclarations(chunk.slice(open + 1)).get('font-family');
        if (!family) continue;
        for (const selector of selectors.split(',')) {
          const m = /^([a-z][a-z0-9]*)?(?:\.([\w-]+))?$/i.exec(selector.trim());
          if (m && (m[1] || m[2])) {
            const cls = m[2]?.toLowerCase() ?? null;
            this.rules.push({ tag: m[1]?.toLowerCase() ?? null, cls, family: firstFamily(family) });
          }
        }
      }
    }
  }

  /** The family the most specific matching rule gives the element; later rules win ties. */
  familyOf(el: Element): string | null {
    let best: { specificity: number; family: string } | null = null;
    for (const rule of this.rules) {
      if (rule.tag && rule.tag !== el.localName) continue;
      if (rule.cls && !classesOf(el).includes(rule.cls)) continue;
      const specificity = (rule.cls ? 10 : 0) + (rule.tag ? 1 : 0);
      if (!best || specificity >= best.specificity) best = { specificity, family: rule.family };
    }
    return best?.family ?? null;
  }
}

// Comments and rules are found with indexOf and split, not with regular expressions that
// can backtrack for quadratic time over a hostile style sheet.
function stripComments(css: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = css.indexOf('/*', from);
    if (start < 0) return out + css.slice(from);
    out += css.slice(from, start);
    const end = css.indexOf('*/', start + 2);
    if (end < 0) return out;
    from = end + 2;
  }
}

// Word's HTML has no doctype, so it is parsed in quirks mode, where class names match
// regardless of case.
function classesOf(el: Element): string[] {
  return (el.getAttribute('class') ?? '').toLowerCase().split(/\s+/);
}
