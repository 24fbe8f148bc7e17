import type { DocumentsApi } from '../../api/documents.ts';
import type { DocumentDraft, DraftBlock, ListItem, ListModel, QuoteChild } from '../../document.ts';
import { BlogError } from '../../errors.ts';
import { LIMITS } from '../../models.ts';
import { type Validator, integer, literal, nullable, object, optional, string } from '../../validate.ts';
import type { ContractSection } from './section.ts';

/**
 * Validators for the block model coming from the renderer (untrusted): closed objects per block kind,
 * bounded string lengths, list sizes and nesting, whitespace-only separators, and a budget on the total
 * characters of a draft so a hostile payload cannot make core build a huge string. The limits are far past
 * anything a post holds (LIMITS.htmlChars is ~3 million words).
 */
export const DOCUMENT_LIMITS = {
  blocks: 200_000,
  listItems: 20_000,
  listDepth: 16,
  quoteParagraphs: 5_000,
  attrsDepth: 8,
  attrsKeys: 500,
  shortChars: 2_000,
  urlChars: 32_768,
  /** Sum of every string in a draft: sources and fields both count, so twice the HTML limit. */
  draftChars: 2 * LIMITS.htmlChars,
} as const;

const postId = string({ min: 1, max: 64, pattern: /^[A-Za-z0-9-]+$/ });
const html = string({ max: LIMITS.htmlChars });
const short = string({ max: DOCUMENT_LIMITS.shortChars });
const url = string({ max: DOCUMENT_LIMITS.urlChars });
const dialect = literal('classic', 'blocks');
const SEPARATOR = /^[ \t\n\r\f\v]*$/;

function fail(path: string, message: string): never {
  throw new BlogError('invalid-argument', `${path}: ${message}`);
}

function bool(): Validator<boolean> {
  return (value, path) => (typeof value === 'boolean' ? value : fail(path, 'expected true or false'));
}

function list<T>(item: Validator<T>, max: number): Validator<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) fail(path, 'expected a list');
    if (value.length > max) fail(path, `too many items (${value.length}, at most ${max})`);
    return value.map((v, i) => item(v, `${path}[${i}]`));
  };
}

/** JSON attributes of a block delimiter: plain JSON values, bounded in depth and size. */
function jsonValue(value: unknown, path: string, depth: number): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : fail(path, 'expected a finite number');
  if (typeof value === 'string') return url(value, path);
  if (depth >= DOCUMENT_LIMITS.attrsDepth) fail(path, 'nested too deeply');
  if (Array.isArray(value)) {
    if (value.length > DOCUMENT_LIMITS.attrsKeys) fail(path, 'too many items');
    return value.map((v, i) => jsonValue(v, `${path}[${i}]`, depth + 1));
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length > DOCUMENT_LIMITS.attrsKeys) fail(path, 'too many keys');
    // Null prototype: a key "__proto__" stays a key.
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of entries) out[short(k, path)] = jsonValue(v, `${path}.${k}`, depth + 1);
    return out;
  }
  return fail(path, 'expected JSON');
}

const attrs: Validator<Record<string, unknown>> = (value, path) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'expected an object');
  return { ...(jsonValue(value, path, 0) as Record<string, unknown>) };
};

function listItem(depth: number): Validator<ListItem> {
  return (value, path) => object({ html, children: optional((v: unknown, p: string) => readList(v, p, depth + 1)) })(value, path);
}

function readList(value: unknown, path: string, depth: number): ListModel {
  if (depth > DOCUMENT_LIMITS.listDepth) fail(path, 'lists nested too deeply');
  return object({ ordered: bool(), items: list(listItem(depth), DOCUMENT_LIMITS.listItems) })(value, path);
}

/** A block inside a quote (QuoteChild): closed shapes like the top-level ones. */
const quoteChild: Validator<QuoteChild> = (value, path) => {
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (kind === 'paragraph') return object({ kind: literal('paragraph'), html })(value, path);
  if (kind === 'heading') return object({ kind: literal('heading'), level: integer({ min: 1, max: 6 }), html })(value, path) as QuoteChild;
  if (kind === 'list') return object({ kind: literal('list'), ordered: bool(), items: list(listItem(0), DOCUMENT_LIMITS.listItems) })(value, path);
  return fail(`${path}.kind`, 'expected paragraph, heading or list');
};

/** Where a quote's inner block came from (QuoteChildOrigin): core writes `source` only if it reads back to the block. */
const whitespace = string({ max: DOCUMENT_LIMITS.shortChars, pattern: SEPARATOR });
const quoteChildOrigin = object({
  source: optional(html),
  attrs: optional(attrs),
  tagAttrs: optional(string({ max: DOCUMENT_LIMITS.urlChars })),
  leading: optional(whitespace),
  before: optional(whitespace),
  trailing: optional(whitespace),
  cite: optional(html),
  closing: optional(whitespace),
});

const base = {
  source: html,
  index: optional(integer({ min: 0, max: DOCUMENT_LIMITS.blocks })),
  changed: optional(bool()),
  blockName: optional(string({ max: 200, pattern: /^[a-z][a-z0-9_-]*\/[a-z][a-z0-9_/-]*$/ })),
  attrs: optional(attrs),
  tagAttrs: optional(string({ max: DOCUMENT_LIMITS.urlChars })),
};

const pair: Validator<[string, string]> = (value, path) => {
  if (!Array.isArray(value) || value.length !== 2) fail(path, 'expected a [name, value] pair');
  return [short(value[0], `${path}[0]`), url(value[1], `${path}[1]`)];
};

const SHAPES = {
  paragraph: { ...base, kind: literal('paragraph'), html },
  heading: { ...base, kind: literal('heading'), level: integer({ min: 1, max: 6 }), html },
  list: { ...base, kind: literal('list'), ordered: bool(), items: list(listItem(0), DOCUMENT_LIMITS.listItems) },
  quote: {
    ...base,
    kind: literal('quote'),
    paragraphs: list(html, DOCUMENT_LIMITS.quoteParagraphs),
    children: optional(list(quoteChild, DOCUMENT_LIMITS.quoteParagraphs)),
    citation: optional(html),
    childOrigins: optional(list(quoteChildOrigin, DOCUMENT_LIMITS.quoteParagraphs)),
  },
  image: {
    ...base,
    kind: literal('image'),
    src: url,
    alt: string({ max: DOCUMENT_LIMITS.urlChars }),
    caption: optional(html),
    align: optional(literal('left', 'center', 'right', 'none', 'wide', 'full')),
    width: optional(integer({ min: 0, max: 1_000_000 })),
    height: optional(integer({ min: 0, max: 1_000_000 })),
    wpImageId: optional(integer({ min: 0 })),
    sizeSlug: optional(string({ max: 100, pattern: /^[\w-]+$/ })),
    linkHref: optional(url),
    imgExtra: optional(list(pair, 100)),
    imgClassExtra: optional(list(string({ max: 200, pattern: /^\S+$/ }), 100)),
  },
  embed: { ...base, kind: literal('embed'), url, provider: optional(string({ max: 100, pattern: /^[\w-]+$/ })), caption: optional(html) },
  more: { ...base, kind: literal('more'), customText: optional(short), noTeaser: optional(bool()) },
  separator: { ...base, kind: literal('separator') },
  opaque: { ...base, kind: literal('opaque'), label: short },
  kept: { kind: literal('kept'), index: integer({ min: 0, max: DOCUMENT_LIMITS.blocks }) },
} as const;

const block: Validator<DraftBlock> = (value, path) => {
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(SHAPES, kind)) fail(`${path}.kind`, `expected one of ${Object.keys(SHAPES).join(', ')}`);
  return object(SHAPES[kind as keyof typeof SHAPES])(value, path) as DraftBlock;
};

/** Every string in a value, summed (the draft's size budget). */
function chars(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + chars(v), 0);
  if (value !== null && typeof value === 'object') return Object.values(value).reduce<number>((n, v) => n + chars(v), 0);
  return 0;
}

export const documentDraft: Validator<DocumentDraft> = (value, path) => {
  const draft = object({
    dialect,
    base: optional(string({ max: 100, pattern: /^[\w.-]+$/ })),
    separators: optional(list(string({ max: LIMITS.htmlChars, pattern: SEPARATOR }), DOCUMENT_LIMITS.blocks + 1)),
    blocks: list(block, DOCUMENT_LIMITS.blocks),
  })(value, path);
  const separators = draft.separators;
  if (separators?.length === 0) fail(`${path}.separators`, 'expected at least the leading separator');
  if (separators) {
    draft.blocks.forEach((b, i) => {
      if (b.index !== undefined && b.index >= separators.length) fail(`${path}.blocks[${i}].index`, 'past the separators');
    });
  }
  if (chars(draft) > DOCUMENT_LIMITS.draftChars) fail(path, 'too large');
  return draft;
};

export const DOCUMENTS_CONTRACT = {
  methods: {
    openDocument: [postId],
    saveDocument: [
      postId,
      object({
        title: optional(string({ max: LIMITS.titleChars })),
        document: documentDraft,
        editorState: optional(nullable(string({ max: LIMITS.editorStateChars }))),
        baseVersion: optional(integer({ min: 0 })),
      }),
    ],
    renderDocument: [documentDraft],
    parseDocument: [html],
  },
  events: {},
} as const satisfies ContractSection<DocumentsApi>;
