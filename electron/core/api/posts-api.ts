import type { PostsApi } from '../../common/api/posts.ts';
import type { Emitter } from '../../common/events.ts';
import type { PostChangeEvent } from '../../common/models.ts';
import { type PostStore, toSummary } from '../posts/post-store.ts';

/**
 * PostsApi over the store. Storage calls are synchronous (node:sqlite); the async wrappers turn a thrown
 * BlogError into a rejected promise, as the contract says. Events fire after the commit, never inside it.
 */
export function createPostsApi(posts: PostStore, changes: Emitter<PostChangeEvent>): PostsApi {
  return {
    listPosts: async (query) => posts.list(query),
    getPost: async (id) => posts.get(id),
    createPost: async (init) => {
      const post = posts.create(init);
      changes.fire({ kind: 'created', post: toSummary(post) });
      return post;
    },
    savePost: async (id, patch) => {
      const post = posts.save(id, patch);
      changes.fire({ kind: 'saved', post: toSummary(post) });
      return post;
    },
    deletePost: async (id) => {
      posts.delete(id);
      changes.fire({ kind: 'deleted', id });
    },
    onDidChangePost: changes.event,
  };
}
