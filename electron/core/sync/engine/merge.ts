/**
 * Three-way merge of a whole post (RemoteFields): base = the server's fields at the last sync, mine = the local
 * post, theirs = the server now.
 *
 * - content: block level (merge-blocks.ts); overlapping block edits are a conflict.
 * - title, excerpt, slug: whole values; both changed differently is a conflict (both kept, like the body's).
 * - categories, tags: as sets — additions and removals of both sides apply (nothing to conflict about).
 * - status, date, format, comments, sticky, featured image: one side changed → that side; both changed
 *   differently → mine. These only change by an explicit action of the user here (publish, schedule, …) or in
 *   the inspector, and the user's action is the later, deliberate intent; the web's value is kept in the
 *   revision and in the sync log (never silently: the conflict check still runs on the text fields).
 *
 * Invariant: if mine equals base the result is theirs; if theirs equals base the result is mine.
 */
import type { ConflictBlock } from '../../../common/api/sync.ts';
import { type RemoteFields, fieldKeys, sameFields, sameValue, sortIds } from './fields.ts';
import { mergeBlocks, pick } from './merge-blocks.ts';

export interface FieldsMerge {
  /** The merged fields, or null when something conflicts. */
  readonly merged: RemoteFields | null;
  /** Which text fields conflict. */
  readonly conflicting: readonly ('title' | 'excerpt' | 'slug' | 'content')[];
  readonly blocks: ConflictBlock[];
  /** Content blocks changed on both sides. */
  readonly conflictingBlocks: number;
}

export function mergeFields(base: RemoteFields, mine: RemoteFields, theirs: RemoteFields): FieldsMerge {
  if (sameFields(mine, base) || sameFields(mine, theirs)) return clean(theirs, base, mine, theirs);
  if (sameFields(theirs, base)) return clean(mine, base, mine, theirs);
  const content = mergeBlocks(base.content, mine.content, theirs.content);
  const title = pick(base.title, mine.title, theirs.title);
  const excerpt = pick(base.excerpt, mine.excerpt, theirs.excerpt);
  // The slug is the post's address: two different new addresses are a choice for the writer, not for us.
  const slug = pick(base.slug, mine.slug, theirs.slug);
  const conflicting = [
    ...(title === null ? (['title'] as const) : []),
    ...(excerpt === null ? (['excerpt'] as const) : []),
    ...(slug === null ? (['slug'] as const) : []),
    ...(content.merged === null ? (['content'] as const) : []),
  ];
  const result = { blocks: content.blocks, conflictingBlocks: content.conflicts, conflicting };
  if (title === null || excerpt === null || slug === null || content.merged === null) return { ...result, merged: null };
  const merged: RemoteFields = {
    title,
    excerpt,
    content: content.merged,
    categories: mergeSet(base.categories, mine.categories, theirs.categories),
    tags: mergeSet(base.tags, mine.tags, theirs.tags),
    slug,
    status: prefer(base.status, mine.status, theirs.status),
    dateGmt: prefer(base.dateGmt, mine.dateGmt, theirs.dateGmt),
    featuredMedia: prefer(base.featuredMedia, mine.featuredMedia, theirs.featuredMedia),
    commentStatus: prefer(base.commentStatus, mine.commentStatus, theirs.commentStatus),
    sticky: prefer(base.sticky, mine.sticky, theirs.sticky),
    format: prefer(base.format, mine.format, theirs.format),
  };
  return { ...result, merged };
}

function clean(merged: RemoteFields, base: RemoteFields, mine: RemoteFields, theirs: RemoteFields): FieldsMerge {
  const view = mergeBlocks(base.content, mine.content, theirs.content);
  return { merged, conflicting: [], blocks: view.blocks, conflictingBlocks: 0 };
}

/** One side changed → that side; both → mine (see the header). */
function prefer<T>(base: T, mine: T, theirs: T): T {
  return sameValue(mine, base) ? theirs : mine;
}

/** base + what either side added − what either side removed. */
export function mergeSet(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  const b = new Set(base);
  const m = new Set(mine);
  const t = new Set(theirs);
  const out = new Set<string>();
  for (const id of [...base, ...mine, ...theirs]) {
    const removed = b.has(id) && (!m.has(id) || !t.has(id));
    const present = b.has(id) || m.has(id) || t.has(id);
    if (present && !removed) out.add(id);
  }
  return sortIds([...out]);
}

/** The fields of `to` that differ from `from` (what an update must send). */
export function patchOf(from: RemoteFields, to: RemoteFields): Partial<RemoteFields> {
  const patch: Partial<Record<keyof RemoteFields, unknown>> = {};
  for (const key of fieldKeys()) if (!sameValue(from[key], to[key])) patch[key] = to[key];
  return patch as Partial<RemoteFields>;
}
