// Loading the fidelity fixtures (tests/fixtures/posts/{classic,blocks}/*.html), byte for byte.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect, SourceBlock } from '../../../../electron/core/fidelity/index.ts';

export const FIXTURE_ROOT = fileURLToPath(new URL('../../../fixtures/posts/', import.meta.url));

export interface Fixture {
  name: string;
  dialect: Dialect;
  raw: string;
}

export function loadFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const dialect of ['classic', 'blocks'] as const) {
    const dir = join(FIXTURE_ROOT, dialect);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.html')).toSorted()) {
      out.push({ name: `${dialect}/${f}`, dialect, raw: readFileSync(join(dir, f), 'utf8') });
    }
  }
  return out;
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURE_ROOT, name), 'utf8');
}

const MARK = ' (redigerad)';

/** A copy of the block with one text field edited the way a writer would, marked changed. */
export function editBlock(b: SourceBlock): SourceBlock {
  switch (b.kind) {
    case 'paragraph':
    case 'heading':
      return { ...b, html: b.html + MARK, changed: true };
    case 'list': {
      const [first, ...rest] = b.items;
      const items = first ? [{ ...first, html: first.html + MARK }, ...rest] : [{ html: MARK.trim() }];
      return { ...b, items, changed: true };
    }
    case 'quote': {
      const at = b.children?.findIndex((c) => c.kind !== 'list') ?? -1;
      if (b.children && at >= 0) {
        const children = b.children.map((c, i) => (i === at && c.kind !== 'list' ? { ...c, html: c.html + MARK } : c));
        return { ...b, children, changed: true };
      }
      return b.paragraphs.length
        ? { ...b, paragraphs: [b.paragraphs[0] + MARK, ...b.paragraphs.slice(1)], changed: true }
        : { ...b, citation: (b.citation ?? '') + MARK, changed: true };
    }
    case 'image':
      return { ...b, alt: b.alt + MARK, changed: true };
    case 'embed':
      return { ...b, url: b.url + '#t=30', changed: true };
    case 'more':
      return { ...b, customText: 'Läs mer', changed: true };
    default: // separator, opaque: nothing to edit, but written fresh
      return { ...b, changed: true };
  }
}

export { seeded as prng } from '../../../support/seeded.ts';
