import type { PreviewApi } from '../../common/api/preview.ts';
import type { Library } from '../library/library.ts';
import type { PostStore } from '../posts/post-store.ts';
import { buildPreview } from '../preview/preview.ts';

/** PreviewApi over the stores and the blog-style cache in the data dir (see core/preview/). */
export function createPreviewApi(posts: PostStore, library: Library, dataDir: string): PreviewApi {
  return {
    getPreview: async (id) => buildPreview(posts.get(id), library, dataDir),
  };
}
