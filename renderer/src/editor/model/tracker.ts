import { $isListNode, type ListNode } from '@lexical/list';
import { $getNodeByKey, $getRoot, $getState, type EditorState, type LexicalNode, type NodeKey } from 'lexical';
import type { Dialect, DocumentDraft, ParsedPost, SourceBlock } from '../../../../electron/common/document.ts';
import { $topLevel, fingerprintBlock, LOAD_TAG } from './document.ts';
import { type BlockOrigin, listOriginState, originState } from './origin.ts';
import { $listRunBlock, $nodeToBlock } from './to-blocks.ts';

interface UpdateInfo {
  editorState: EditorState;
  prevEditorState: EditorState;
  dirtyElements: ReadonlyMap<NodeKey, unknown>;
  dirtyLeaves: ReadonlySet<NodeKey>;
  tags: ReadonlySet<string>;
}

/**
 * Turns the editor into a DocumentDraft at save time, in time proportional to what was edited: each update
 * marks the top-level nodes it touched; at save only those are projected and compared with their origin
 * fingerprint. Untouched nodes go as their original source without being looked at, and a changed node's
 * block is cached until it is touched again. Undo and redo swap in a whole older state without dirty
 * marks; then the nodes whose version differs from the previous state's are the touched ones.
 *
 * A top-level node is one block, except a ListNode that Lexical merged from adjacent lists: its items are
 * split back into runs at each item that carries a list origin, one block per run.
 */
export class DocumentTracker {
  readonly dialect: Dialect;
  readonly separators: readonly string[];
  /** The name core gave the parse (ParsedDocument.base), if any. */
  readonly base: string | undefined;
  private touched = new Set<NodeKey>();
  private changed = new Map<string, SourceBlock>();

  constructor(doc: Pick<ParsedPost, 'dialect' | 'separators'> & { base?: string }) {
    this.dialect = doc.dialect;
    this.separators = doc.separators;
    this.base = doc.base;
  }

  /** Feed every update here (registerUpdateListener). Cheap: a few map lookups per keystroke. */
  noteUpdate({ editorState, prevEditorState, dirtyElements, dirtyLeaves, tags }: UpdateInfo): void {
    if (tags.has(LOAD_TAG)) return;
    const replaced = tags.has('historic');
    // A caret move is an update too, with nothing dirty: nothing to note (and it happens all the time).
    if (!replaced && dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
    editorState.read(() => {
      const mark = (key: NodeKey) => {
        if (key === 'root') return;
        const node = $getNodeByKey(key);
        const top = node && $topLevel(node);
        if (top) this.touched.add(top.getKey());
      };
      if (replaced) {
        // Node versions are immutable objects: a node that is not the very same object as before changed.
        const before = prevEditorState._nodeMap;
        for (const [key, node] of editorState._nodeMap) if (before.get(key) !== node) mark(key);
        return;
      }
      for (const key of dirtyLeaves) mark(key);
      for (const key of dirtyElements.keys()) mark(key);
    });
  }

  /** Call inside a read of the current state. */
  $collect(): DocumentDraft {
    const blocks: SourceBlock[] = [];
    const changed = new Map<string, SourceBlock>();
    for (const node of $getRoot().getChildren()) {
      const touched = this.touched.has(node.getKey());
      const parts = $isListNode(node) ? this.listParts(node) : [{ key: node.getKey(), origin: $getState(node, originState), node, items: null }];
      for (const part of parts) {
        const cached = this.changed.get(part.key);
        let block: SourceBlock | null;
        if (!touched && cached) block = cached;
        else if (!touched && part.origin) block = kept(part.origin);
        else block = this.$project(part.node, part.items, part.origin);
        if (!block) continue;
        if (block.changed) changed.set(part.key, block);
        blocks.push(block);
      }
    }
    this.changed = changed;
    this.touched.clear();
    return { dialect: this.dialect, ...(this.base ? { base: this.base } : {}), separators: [...this.separators], blocks };
  }

  /** A list's runs: a new run starts at every item carrying a list origin (see model/origin.ts). */
  private listParts(list: ListNode): Part[] {
    const parts: Part[] = [];
    for (const item of list.getChildren()) {
      const origin = $getState(item, listOriginState);
      const last = parts[parts.length - 1];
      if (last && !origin) last.items!.push(item);
      else parts.push({ key: `${list.getKey()}:${item.getKey()}`, origin, node: list, items: [item] });
    }
    if (parts.length === 0) return [{ key: list.getKey(), origin: $getState(list, originState), node: list, items: [] }];
    // Items before the first marked one (typed above it, or a new list Lexical merged this one into) join
    // the first marked run rather than becoming a list of their own; a list with no marked item at all
    // falls back to the ListNode's own origin.
    const [head, next] = parts;
    if (!head!.origin && next) {
      next.items!.unshift(...head!.items!);
      next.key = head!.key;
      parts.shift();
    } else if (!head!.origin) head!.origin = $getState(list, originState);
    return parts;
  }

  private $project(node: LexicalNode, items: LexicalNode[] | null, origin: BlockOrigin | null): SourceBlock | null {
    const project = (mode: 'write' | 'fingerprint') =>
      items && $isListNode(node) ? $listRunBlock(items, node.getListType() === 'number', this.dialect, mode) : $nodeToBlock(node, this.dialect, mode);
    if (origin && fingerprintBlock(project('fingerprint')) === origin.fingerprint) return kept(origin);
    const fresh = project('write');
    if (!fresh || isEmpty(fresh)) return null;
    const source = fresh.kind === 'opaque' ? fresh.source : '';
    return { ...fresh, ...origin?.keep, source, changed: true, ...(origin ? { index: origin.index } : {}) } as SourceBlock;
  }
}

interface Part {
  key: string;
  origin: BlockOrigin | null;
  node: LexicalNode;
  /** For a list: the items of this run; null for any other node (the whole node is the block). */
  items: LexicalNode[] | null;
}

/**
 * The same draft without what core already holds (the base parse's sources and separators): unchanged blocks
 * by index only. A 20,000-word post's autosave then carries the edited blocks, not the whole post.
 */
export function compactDraft(draft: DocumentDraft): DocumentDraft {
  if (!draft.base) return draft;
  const blocks = draft.blocks.map((b) => (b.kind === 'opaque' && b.changed === false && b.index !== undefined ? { kind: 'kept' as const, index: b.index } : b));
  return { dialect: draft.dialect, base: draft.base, blocks };
}

/** Sends a draft compact first; if core no longer holds its base (it restarted), in full. */
export async function withDraft<T>(draft: DocumentDraft, send: (draft: DocumentDraft) => Promise<T>): Promise<T> {
  const compact = compactDraft(draft);
  if (compact === draft) return send(draft);
  try {
    return await send(compact);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'not-found') throw error;
    return send(draft);
  }
}

/** An untouched block: its source as it was, which core emits verbatim. */
function kept(origin: BlockOrigin): SourceBlock {
  return { kind: 'opaque', label: 'unchanged', source: origin.source, index: origin.index, changed: false };
}

/** Empty text blocks the user left behind (an Enter too many) are not written. */
function isEmpty(block: SourceBlock): boolean {
  if (block.kind === 'paragraph' || block.kind === 'heading') return block.html.trim() === '';
  if (block.kind === 'list') return block.items.every((i) => i.html.trim() === '' && !i.children);
  if (block.kind === 'quote') return block.paragraphs.length === 0 && !block.children?.length && !block.citation;
  if (block.kind === 'image') return block.src === '';
  if (block.kind === 'embed') return block.url === '';
  return false;
}
