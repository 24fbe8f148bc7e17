import { createContext, useContext } from 'react';
import type { Media } from '../../../electron/common/models.ts';

/**
 * What the editor's views need from the world, handed in by the post pane (which reaches BlogApi through
 * blog.ts). Views never import blog.ts themselves, so nodes and views also load in Node tests.
 */
export interface EditorServices {
  readonly postId: string;
  /** Stores a file in the local media library (by hash) and relates it to the post. */
  addMedia(file: { fileName: string; data: string; mimeType?: string }): Promise<Media>;
  /** The media of this post, to find old posts' remote images that are in the local store. */
  listPostMedia(): Promise<readonly Media[]>;
  /** A media file's bytes (base64) and type. */
  readMedia(id: string): Promise<{ mimeType: string; data: string }>;
}

export const EditorServicesContext = createContext<EditorServices | null>(null);

export function useEditorServices(): EditorServices | null {
  return useContext(EditorServicesContext);
}
