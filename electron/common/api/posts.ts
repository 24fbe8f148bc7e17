import type { Disposer, Listener } from '../events.ts';
import type { ListPostsQuery, NewPost, Post, PostChangeEvent, PostId, PostPatch, PostSummary } from '../models.ts';

/** Local posts: the drafts and the archive on this machine. */
export interface PostsApi {
  listPosts(query?: ListPostsQuery): Promise<PostSummary[]>;
  getPost(id: PostId): Promise<Post>;
  createPost(init?: NewPost): Promise<Post>;
  /** Saves in one transaction; resolves only after the change is durable. */
  savePost(id: PostId, patch: PostPatch): Promise<Post>;
  deletePost(id: PostId): Promise<void>;

  onDidChangePost(listener: Listener<PostChangeEvent>): Disposer;
}
