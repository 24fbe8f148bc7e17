import type { DocumentDraft, ParsedDocument } from '../document.ts';
import type { Post, PostId } from '../models.ts';

/**
 * A post's body as the editor works on it: the source-preserving block model of its HTML
 * (electron/common/document.ts, docs in ../shared/design/fidelity.md). Core does every conversion
 * between HTML and blocks, so the renderer (which may only import types) never parses or writes
 * WordPress markup itself, and a post opened and saved without an edit keeps its HTML byte for byte.
 */
export interface DocumentsApi {
  /** The post and its body parsed into blocks (classic dialect for an empty body). */
  openDocument(postId: PostId): Promise<OpenedDocument>;
  /**
   * Serialises the draft (unchanged blocks as their original source, the rest fresh in the draft's dialect)
   * and saves it as the post's HTML, with the title if given, in one durable save. The editor state is not
   * kept (`editorState` becomes null unless given): the HTML is the one truth the editor reopens from.
   */
  saveDocument(postId: PostId, input: SaveDocumentInput): Promise<Post>;
  /** The HTML a draft serialises to, without saving (the whole-post source view). */
  renderDocument(draft: DocumentDraft): Promise<string>;
  /** HTML parsed into blocks, without saving (applying the source view; the dialect follows the HTML). */
  parseDocument(html: string): Promise<ParsedDocument>;
}

export interface OpenedDocument {
  readonly post: Post;
  readonly document: ParsedDocument;
}

export interface SaveDocumentInput {
  readonly title?: string;
  readonly document: DocumentDraft;
  readonly editorState?: string | null;
  /** When given, the save is refused with `conflict` unless the stored version still equals it. */
  readonly baseVersion?: number;
}
