import { useTranslation } from 'react-i18next';
import type { PostSummary } from '../../../electron/common/models.ts';
import { formatModified } from '../i18n/dates.ts';
import { localeOf } from '../i18n/i18n.ts';

export interface PostListProps {
  readonly posts: readonly PostSummary[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
}

/** The list of local posts, newest change first. Arrow keys move, Enter/click opens. */
export function PostList({ posts, selectedId, onSelect }: PostListProps) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  if (posts.length === 0) {
    return <p className="empty-list">{t('list.empty')}</p>;
  }
  const move = (event: React.KeyboardEvent, index: number) => {
    const next = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : -1;
    if (next < 0 || next >= posts.length) return;
    event.preventDefault();
    const target = posts[next];
    if (!target) return;
    onSelect(target.id);
    const list = event.currentTarget.parentElement;
    (list?.children[next] as HTMLElement | undefined)?.focus();
  };
  return (
    <ul className="post-list" role="listbox" aria-label={t('list.label')}>
      {posts.map((post, index) => (
        <li
          key={post.id}
          role="option"
          tabIndex={post.id === selectedId || (selectedId === null && index === 0) ? 0 : -1}
          aria-selected={post.id === selectedId}
          className={post.id === selectedId ? 'post-item selected' : 'post-item'}
          onClick={() => onSelect(post.id)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onSelect(post.id);
            else move(event, index);
          }}
        >
          <span className="post-item-title">{post.title.trim() || t('list.untitled')}</span>
          <span className="post-item-meta">
            <time dateTime={new Date(post.modifiedAt).toISOString()}>{formatModified(post.modifiedAt, locale)}</time>
          </span>
          {post.snippet && <span className="post-item-snippet">{post.snippet}</span>}
        </li>
      ))}
    </ul>
  );
}
