import type { PostStatus } from '../../common/models.ts';

/** WordPress' own post statuses, as its REST API and its WXR export both name them. */
export type WordPressStatus = 'publish' | 'future' | 'draft' | 'pending' | 'private' | 'trash';

/** The local status each WordPress status is (pull, push and the WXR import share this one table). */
export const LOCAL_STATUS_OF: Readonly<Record<WordPressStatus, PostStatus>> = {
  publish: 'published',
  future: 'scheduled',
  draft: 'draft',
  pending: 'pending',
  private: 'private',
  trash: 'trashed',
};

/** The local status of a status read from outside, or undefined for one we don't keep (auto-draft, inherit…). */
export function localStatusOf(status: string): PostStatus | undefined {
  return Object.hasOwn(LOCAL_STATUS_OF, status) ? LOCAL_STATUS_OF[status as WordPressStatus] : undefined;
}
