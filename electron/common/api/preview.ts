import type { PostId } from '../models.ts';

/** A post as its blog would show it, for a sandboxed frame: loads nothing, runs nothing. */
export interface PostPreview {
  /** A complete HTML document for `<iframe sandbox srcdoc>`: inline CSS and `data:` images only, no scripts. */
  readonly html: string;
  /** Whether the blog's stylesheet (cached by sync) was used; false: a plain look until the next sync. */
  readonly hasBlogStyle: boolean;
  /** When that stylesheet was fetched (ISO 8601). */
  readonly styleFetchedAt?: string;
}

export interface PreviewApi {
  getPreview(id: PostId): Promise<PostPreview>;
}
