/**
 * Conflicts: a post whose local and web edits overlap. The record keeps base, mine (as detected) and theirs
 * (the blog's newest version; pulls keep it current) intact; the view compares base and theirs with the post as
 * it is NOW, so edits made here after the conflict was found are never dropped by a resolution.
 *
 * Resolving: keep mine, keep theirs, or save a block-by-block merge. The chosen text becomes the local post
 * (the replaced text goes to a revision), the blog's version becomes the sync base, and — when the result
 * differs from the blog — an `update` is queued (or the waiting entry simply continues), so the resolution
 * reaches the blog on the next sync.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Conflict, ConflictResolution, ConflictSummary } from '../../../common/api/sync.ts';
import { BlogError } from '../../../common/errors.ts';
import type { Post } from '../../../common/models.ts';
import { getPost, requireRow } from '../../posts/post-row.ts';
import { transaction } from '../../storage/database.ts';
import { type RemoteFields, sameFields } from './fields.ts';
import { applyFields, mineOf } from './local-form.ts';
import { assembleChoices, pick } from './merge-blocks.ts';
import { mergeFields, mergeSet } from './merge.ts';
import { writeLocal } from './store-posts.ts';
import { enqueue, hasOpenRow } from './store-outbox.ts';
import { type ConflictRow, deleteConflict, listConflictRows, readConflict, writeBase } from './store-sync.ts';
import { refreshPostState } from './worker.ts';

export function listConflicts(db: DatabaseSync, blogId?: string): ConflictSummary[] {
  return listConflictRows(db, blogId).map((row) => ({
    postId: row.postId,
    title: row.title,
    blogId: row.blogId,
    detectedAt: row.detectedAt,
    conflictingBlocks: row.conflictingBlocks,
  }));
}

function requireConflict(db: DatabaseSync, postId: string): { post: Post; record: ConflictRow } {
  const post = getPost(db, postId);
  const record = readConflict(db, requireRow(db, postId).pk);
  if (!record) throw new BlogError('not-found', 'This post has no conflict to resolve.');
  return { post, record };
}

function view(db: DatabaseSync, post: Post, record: ConflictRow) {
  const mine = mineOf(db, post);
  return { mine, merge: mergeFields(record.base.fields, mine, record.theirs.fields) };
}

export function getConflict(db: DatabaseSync, postId: string): Conflict {
  const { post, record } = requireConflict(db, postId);
  const { mine, merge } = view(db, post, record);
  const base = record.base.fields;
  const theirs = record.theirs.fields;
  return {
    postId,
    title: { base: base.title, mine: mine.title, theirs: theirs.title },
    excerpt: { base: base.excerpt, mine: mine.excerpt, theirs: theirs.excerpt },
    slug: { base: base.slug, mine: mine.slug, theirs: theirs.slug },
    conflictingFields: [...merge.conflicting],
    blocks: merge.blocks,
  };
}

export function resolveConflict(db: DatabaseSync, postId: string, resolution: ConflictResolution, now: number): Post {
  return transaction(db, () => {
    const { post, record } = requireConflict(db, postId);
    const { mine, merge } = view(db, post, record);
    const theirs = record.theirs.fields;
    const base = record.base.fields;
    // Categories and tags never conflict (they merge as sets) and the view does not show them: whichever side
    // the writer keeps, what either side added or removed stays added or removed.
    const terms = { categories: mergeSet(base.categories, mine.categories, theirs.categories), tags: mergeSet(base.tags, mine.tags, theirs.tags) };
    let target: RemoteFields;
    if (resolution.kind === 'mine') target = { ...mine, ...terms };
    else if (resolution.kind === 'theirs') target = { ...theirs, ...terms };
    else {
      target = {
        ...mine,
        ...terms,
        content: assembleChoices(merge.blocks, resolution.choices),
        title: resolution.title ?? pick(base.title, mine.title, theirs.title) ?? mine.title,
        excerpt: resolution.excerpt ?? pick(base.excerpt, mine.excerpt, theirs.excerpt) ?? mine.excerpt,
        slug: resolution.slug ?? pick(base.slug, mine.slug, theirs.slug) ?? mine.slug,
      };
    }
    const server = { remoteId: record.theirs.remoteId, modifiedGmt: record.theirs.modifiedGmt, fields: theirs };
    const next = applyFields(db, post, record.blogId, target, { remoteId: Number(server.remoteId), modifiedGmt: server.modifiedGmt });
    const stored = writeLocal(db, post, next, now);
    const pk = requireRow(db, postId).pk;
    writeBase(db, pk, server, now);
    deleteConflict(db, pk);
    if (!sameFields(target, theirs) && !hasOpenRow(db, postId)) enqueue(db, { blogId: record.blogId, postId, action: 'update', params: {} }, now);
    refreshPostState({ db, now: () => now }, postId);
    return stored;
  });
}
