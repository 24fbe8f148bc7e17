import { createHash } from 'node:crypto';
import type { DocumentsApi } from '../../common/api/documents.ts';
import type { DocumentDraft, ParsedDocument, ParsedPost, SourceBlock } from '../../common/document.ts';
import { BlogError } from '../../common/errors.ts';
import type { Emitter } from '../../common/events.ts';
import type { Post, PostChangeEvent, PostPatch } from '../../common/models.ts';
import { dialectForNewPost, parsePost, serializePost } from '../fidelity/index.ts';
import { type PostStore, toSummary } from '../posts/post-store.ts';

/**
 * The parses documents were opened from, so drafts can refer to unchanged blocks by index instead of
 * sending their source on every autosave (see DocumentDraft). Named by content, so opening the same HTML
 * twice shares one entry; a small LRU, since only open documents need theirs.
 */
export class DocumentBases {
  private readonly bases = new Map<string, ParsedPost>();
  private readonly max: number;

  constructor(max = 16) {
    this.max = max;
  }

  /** Parses HTML and keeps the parse under its name. */
  open(html: string): ParsedDocument {
    const base = `${createHash('sha256').update(html).digest('base64url').slice(0, 22)}.${html.length}`;
    const parsed = this.bases.get(base) ?? parsePost(html);
    this.bases.delete(base);
    this.bases.set(base, parsed);
    while (this.bases.size > this.max) this.bases.delete(this.bases.keys().next().value!);
    return { ...parsed, blocks: parsed.blocks.map((b) => ({ ...b })), base };
  }

  /** A draft with every block in full and its separators, from what it refers to in its base. */
  resolve(draft: DocumentDraft): { blocks: SourceBlock[]; separators: readonly string[] } {
    const needsBase = draft.separators === undefined || draft.blocks.some((b) => b.kind === 'kept');
    const base = draft.base === undefined ? undefined : this.bases.get(draft.base);
    if (needsBase && !base) {
      throw new BlogError('not-found', 'The document this draft was made from is no longer open here; send the draft in full.');
    }
    const blocks = draft.blocks.map((b): SourceBlock => {
      if (b.kind !== 'kept') return b;
      const original = base!.blocks[b.index];
      if (!original) throw new BlogError('invalid-argument', `The draft refers to block ${b.index}, which its base does not have.`);
      return { kind: 'opaque', label: 'unchanged', source: original.source, index: b.index, changed: false };
    });
    return { blocks, separators: draft.separators ?? base!.separators };
  }
}

/** The HTML a draft stands for: untouched blocks as their source, the rest fresh in the draft's dialect. */
export function renderDraft(draft: DocumentDraft, bases: DocumentBases = new DocumentBases()): string {
  const { blocks, separators } = bases.resolve(draft);
  return serializePost(blocks, separators, draft.dialect);
}

/** Bodies of the most recently modified posts of the same blog (of any blog for a post without one), newest first. */
function* recentBodies(posts: PostStore, post: Post): Generator<string> {
  for (const summary of posts.list({ limit: 50 })) {
    if (summary.id === post.id) continue;
    const other = posts.get(summary.id);
    if (post.blogId === null || other.blogId === post.blogId) yield other.html;
  }
}

/**
 * DocumentsApi over the post store's public methods (get/save), so a document save is an ordinary post
 * save: one durable transaction, the same `saved` event, the same revision and search bookkeeping.
 *
 * The stored `editorState` is cleared on a document save unless the caller sends one: the editor reopens
 * from the HTML through the fidelity parse, and a stale Lexical state next to newer HTML would be a second,
 * disagreeing truth.
 */
export function createDocumentsApi(posts: PostStore, changes: Emitter<PostChangeEvent>, bases = new DocumentBases()): DocumentsApi {
  return {
    openDocument: async (postId) => {
      const post = posts.get(postId);
      const document = bases.open(post.html);
      // An empty body parses as classic; a new post is written in the dialect of its blog's recent posts.
      if (post.html.trim() === '') document.dialect = dialectForNewPost(recentBodies(posts, post));
      return { post, document };
    },
    saveDocument: async (postId, input) => {
      const patch: PostPatch = {
        html: renderDraft(input.document, bases),
        editorState: input.editorState ?? null,
        ...(input.title === undefined ? {} : { title: input.title }),
        ...(input.baseVersion === undefined ? {} : { baseVersion: input.baseVersion }),
      };
      const post = posts.save(postId, patch);
      changes.fire({ kind: 'saved', post: toSummary(post) });
      return post;
    },
    renderDocument: async (draft) => renderDraft(draft, bases),
    parseDocument: async (html) => bases.open(html),
  };
}
