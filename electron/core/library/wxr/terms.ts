import type { DatabaseSync } from 'node:sqlite';
import type { Taxonomy, TermId } from '../../../common/models.ts';
import { stmt } from '../../storage/statements.ts';
import { slugify } from '../slug.ts';
import { createTerm, updateTerm } from '../terms.ts';
import type { WxrDocument } from './read.ts';
import type { ImportTally } from './tally.ts';

/**
 * The export's categories and tags into one blog: found again by remote id, then by slug; parents are set in a
 * second pass, since a child may come before its parent in the file. Returns a lookup for the items' own
 * <category domain="…" nicename="…"> references, which makes any term the channel list forgot.
 */
export function importTerms(
  db: DatabaseSync,
  blogId: string,
  doc: WxrDocument,
  tally: ImportTally,
  now: number,
): (domain: string, slug: string, name: string) => TermId | null {
  const bySlug = new Map<string, TermId>();
  const key = (taxonomy: Taxonomy, slug: string) => `${taxonomy}:${slug}`;
  const upsert = (taxonomy: Taxonomy, slug: string, name: string, remoteId: number | null, description: string | null): TermId => {
    const found = (
      (remoteId !== null
        ? stmt(db, 'SELECT id, name, slug, description, remote_id FROM terms WHERE blog_id = ? AND taxonomy = ? AND remote_id = ?').get(blogId, taxonomy, remoteId)
        : undefined) ??
      stmt(db, 'SELECT id, name, slug, description, remote_id FROM terms WHERE blog_id = ? AND taxonomy = ? AND slug = ?').get(blogId, taxonomy, slug)
    ) as { id: string; name: string; slug: string; description: string; remote_id: number | null } | undefined;
    let id: TermId;
    if (!found) {
      id = createTerm(db, { blogId, taxonomy, name: name || slug, slug, keepSlug: true, description: description ?? '', remoteId }, now).id;
      tally.terms.created++;
    } else {
      id = found.id;
      const changed =
        found.name !== (name || found.name) ||
        (description !== null && found.description !== description) ||
        (remoteId !== null && found.remote_id !== remoteId);
      if (changed) {
        updateTerm(db, id, { name: name || found.name, description: description ?? found.description, remoteId: remoteId ?? found.remote_id }, now);
        tally.terms.updated++;
      }
    }
    bySlug.set(key(taxonomy, slug), id);
    return id;
  };

  for (const term of doc.terms) {
    if (!term.slug) continue;
    upsert(term.taxonomy, term.slug, term.name, term.remoteId, term.description);
  }
  for (const term of doc.terms) {
    if (term.taxonomy !== 'category' || !term.slug) continue;
    const id = bySlug.get(key('category', term.slug))!;
    const parentId = term.parentSlug ? (bySlug.get(key('category', term.parentSlug)) ?? null) : null;
    const current = stmt(db, 'SELECT p.id AS parent FROM terms t LEFT JOIN terms p ON p.pk = t.parent_pk WHERE t.id = ?').get(id) as { parent: string | null };
    if (current.parent !== parentId) updateTerm(db, id, { parentId }, now);
  }
  return (domain, slug, name) => {
    const taxonomy: Taxonomy | null = domain === 'category' ? 'category' : domain === 'post_tag' ? 'tag' : null;
    if (!taxonomy || (!slug && !name)) return null;
    const s = slug || slugify(name);
    return bySlug.get(key(taxonomy, s)) ?? upsert(taxonomy, s, name, null, null);
  };
}
