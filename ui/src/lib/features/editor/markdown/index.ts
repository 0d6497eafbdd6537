import { getSchema } from '@tiptap/core';
import type { Node, Schema } from '@tiptap/pm/model';
import { articleExtensions } from '../schema/extensions';
import { markdownParser } from './parse';

export { toMarkdown } from './serialize';
export { markdownParser } from './parse';

let cached: { schema: Schema; parse: (md: string) => Node } | null = null;

/** The article schema and a parser for it, built once (both are immutable). */
export function articleSchema(): Schema {
  return parserFor().schema;
}

function parserFor() {
  if (!cached) {
    const schema = getSchema(articleExtensions());
    const parser = markdownParser(schema);
    cached = { schema, parse: (md) => parser.parse(md) };
  }
  return cached;
}

/** Stored Markdown → editor document. An empty body is an empty paragraph. */
export function fromMarkdown(markdown: string): Node {
  return parserFor().parse(markdown.normalize('NFC'));
}
