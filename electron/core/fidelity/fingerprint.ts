// A stable fingerprint of a block's semantic content: equal fingerprints mean "nothing the editor can
// change differs", so the caller may emit the original source. It ignores `source`, `index`,
// `changed`, `blockName`, delimiter attributes the model owns (they are re-derived from fields on a
// fresh serialisation), `<img>` attributes the editor does not edit, and where a quote's inner blocks came
// from (`childOrigins`: markup, not content). Opaque blocks are their source.

import type { SourceBlock } from './model.ts';

/** Delimiter attributes whose value is a model field (or follows from one). */
const OWNED: Record<SourceBlock['kind'], readonly string[]> = {
  paragraph: [],
  heading: ['level'],
  list: ['ordered'],
  quote: [],
  image: ['id', 'sizeSlug', 'align', 'width', 'height', 'linkDestination'],
  embed: ['url', 'providerNameSlug', 'type'],
  more: ['customText', 'noTeaser'],
  separator: [],
  opaque: [],
};

const IGNORED = new Set(['source', 'index', 'changed', 'blockName', 'attrs', 'imgExtra', 'imgClassExtra', 'childOrigins']);

/** The plain-data view of a block that the fingerprint hashes. */
export function semanticView(block: SourceBlock): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(block)) if (!IGNORED.has(k) && v !== undefined) view[k] = v;
  if (block.kind === 'opaque') view['source'] = block.source;
  const owned = OWNED[block.kind];
  const extra = Object.entries(block.attrs ?? {}).filter(([k, v]) => !owned.includes(k) && v !== undefined);
  if (extra.length) view['attrs'] = Object.fromEntries(extra);
  return view;
}

/** JSON with object keys sorted and undefined members dropped, so key order never matters. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined)
    .toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
}

/** cyrb53: a fast 53-bit string hash (pure JS, so it runs anywhere). */
function cyrb53(s: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A 106-bit fingerprint as 28 hex digits. */
export function fingerprint(block: SourceBlock): string {
  const json = canonicalJson(semanticView(block));
  return cyrb53(json, 1).toString(16).padStart(14, '0') + cyrb53(json, 2).toString(16).padStart(14, '0');
}
