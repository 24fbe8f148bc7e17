import type { DatabaseSync } from 'node:sqlite';
import { stmt } from '../../storage/statements.ts';
import { createTerm, updateTerm } from '../terms.ts';
import type { ImportTally } from '../wxr/tally.ts';
import type { ManifestTerm } from './format.ts';

/**
 * The manifest's terms into the library, by id; a term whose (blog, taxonomy, slug) is already taken by
 * another id is the same term under another id and maps onto it. Parents in a second pass (any order in the
 * file). Returns folder id → library id.
 */
export function importManifestTerms(
  db: DatabaseSync,
  terms: readonly ManifestTerm[],
  blogOf: (id: string | null) => string | null,
  tally: ImportTally,
  now: number,
): Map<string, string> {
  const ids = new Map<string, string>();
  for (const term of terms) {
    const blogId = blogOf(term.blogId);
    const byId = stmt(db, 'SELECT id FROM terms WHERE id = ?').get(term.id) as { id: string } | undefined;
    const bySlug = stmt(db, 'SELECT id FROM terms WHERE blog_id IS ? AND taxonomy = ? AND slug = ?').get(blogId, term.taxonomy, term.slug) as
      | { id: string }
      | undefined;
    const existing = byId ?? bySlug;
    if (existing) {
      updateTerm(db, existing.id, { name: term.name, description: term.description, remoteId: term.remoteId }, now);
      ids.set(term.id, existing.id);
      tally.terms.updated++;
    } else {
      const { id } = createTerm(
        db,
        { id: term.id, blogId, taxonomy: term.taxonomy, name: term.name, slug: term.slug, keepSlug: true, description: term.description, remoteId: term.remoteId },
        now,
      );
      ids.set(term.id, id);
      tally.terms.created++;
    }
  }
  for (const term of terms) {
    if (term.taxonomy !== 'category') continue;
    const parentId = term.parentId === null ? null : (ids.get(term.parentId) ?? null);
    updateTerm(db, ids.get(term.id)!, { parentId }, now);
  }
  return ids;
}
