import { memo, useEffect, useRef, useState } from 'react';
import type { ArchiveSort } from '../../../electron/common/api/library.ts';
import { useTranslation } from 'react-i18next';
import { formatModified } from '../i18n/dates.ts';
import { localeOf } from '../i18n/i18n.ts';
import { Highlighted } from './Highlighted.tsx';
import type { ListSelection } from './selection.ts';
import { usePostList } from './usePostList.ts';
import { useVirtualRows } from './useVirtualRows.ts';

export interface PostListPaneProps {
  readonly selection: ListSelection;
  readonly selectedId: string | null;
  readonly onOpen: (id: string) => void;
  /** Changed by Find in List / Search All Posts: focus the search field (on mount too, when non-zero). */
  readonly focusSearch: number;
}

const ROW_HEIGHT = 76;
/** Pause after the last arrow key before the post under the cursor opens. */
const OPEN_AFTER_MS = 150;

/** The chosen order is the desk's, not a preference: kept in this window's storage. */
const SORT_KEY = 'longhand.listSort';
function storedSort(): ArchiveSort {
  try {
    return localStorage.getItem(SORT_KEY) === 'title' ? 'title' : 'date';
  } catch {
    return 'date';
  }
}

/**
 * The middle column: a search field over the current view, the order (by date or by title), then the posts,
 * virtualised. Arrow keys move through the list and open the post after a short pause; Find in List (Ctrl/Cmd+F) and Search All
 * Posts (Ctrl/Cmd+Shift+F) focus the search field. Memoised: it re-renders for its own list, not the desk's.
 */
export const PostListPane = memo(function PostListPane({ selection, selectedId, onOpen, focusSearch }: PostListPaneProps) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [text, setText] = useState('');
  const [sort, setSort] = useState<ArchiveSort>(storedSort);
  const list = usePostList(selection, text, sort);
  const scroller = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const { first, last, totalHeight } = useVirtualRows(scroller, list.rows.length, ROW_HEIGHT);

  // Near the end of what is loaded: fetch the next page.
  useEffect(() => {
    if (last >= list.rows.length - 20) list.loadMore();
  }, [last, list]);

  useEffect(() => {
    if (focusSearch === 0) return;
    searchRef.current?.focus();
    searchRef.current?.select();
  }, [focusSearch]);

  const chooseSort = (next: ArchiveSort) => {
    setSort(next);
    try {
      localStorage.setItem(SORT_KEY, next);
    } catch {
      // Storage refused (private mode, quota): the order holds for this session.
    }
    if (scroller.current) scroller.current.scrollTop = 0;
  };

  // The keyboard cursor moves at once; the post under it opens after a short pause, so holding an arrow key
  // walks the list at key-repeat speed instead of loading every post on the way (as mail apps do).
  const [cursorId, setCursorId] = useState<string | null>(selectedId);
  const pendingOpen = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (pendingOpen.current === null) setCursorId(selectedId);
  }, [selectedId]);
  useEffect(() => () => clearTimeout(pendingOpen.current ?? undefined), []);
  const openNow = (id: string) => {
    clearTimeout(pendingOpen.current ?? undefined);
    pendingOpen.current = null;
    setCursorId(id);
    onOpen(id);
  };
  const openSoon = (id: string) => {
    clearTimeout(pendingOpen.current ?? undefined);
    setCursorId(id);
    pendingOpen.current = setTimeout(() => {
      pendingOpen.current = null;
      onOpen(id);
    }, OPEN_AFTER_MS);
  };

  const activeId = cursorId ?? selectedId;
  const selectedIndex = list.rows.findIndex((row) => row.entry.id === activeId);
  const move = (delta: number) => {
    const index = Math.min(list.rows.length - 1, Math.max(0, (selectedIndex < 0 ? -1 : selectedIndex) + delta));
    const row = list.rows[index];
    if (!row) return;
    openSoon(row.entry.id);
    const el = scroller.current;
    if (el) {
      const top = index * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    }
    el?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus();
  };

  const summary = text.trim()
    ? t('desk.results', { count: list.total ?? list.rows.length })
    : t('desk.posts', { count: list.rows.length + (list.hasMore ? 1 : 0) }) + (list.hasMore ? '+' : '');

  return (
    <section className="list-pane" aria-label={t('list.label')}>
      <div className="search-box" role="search">
        <input
          ref={searchRef}
          type="search"
          aria-label={t('desk.search')}
          placeholder={t('desk.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              move(selectedIndex < 0 ? 1 : 0);
            } else if (e.key === 'Escape' && text) {
              e.preventDefault();
              setText('');
            }
          }}
        />
      </div>
      <div className="list-header">
        <div className="list-summary" aria-live="polite">
          {list.loading && list.rows.length === 0 ? t('desk.loading') : summary}
        </div>
        {/* Search results come ranked by relevance; the order applies to the lists. */}
        <div className="list-sort" role="group" aria-label={t('desk.sort.label')} title={text.trim() ? t('desk.sort.ranked') : undefined}>
          {(['date', 'title'] as const).map((key) => (
            <button key={key} type="button" className="quiet" aria-pressed={sort === key} disabled={Boolean(text.trim())} onClick={() => chooseSort(key)}>
              {t(`desk.sort.${key}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="list-scroll" ref={scroller}>
        {list.rows.length === 0 && !list.loading ? (
          <p className="empty-list">{text.trim() ? t('desk.noResults', { text: text.trim() }) : selection.kind === 'all' ? t('list.empty') : t('desk.emptyView')}</p>
        ) : (
          <ul className="post-list" role="listbox" aria-label={t('list.label')} style={{ height: totalHeight }}>
            {list.rows.slice(first, last).map((row, offset) => {
              const index = first + offset;
              const { entry } = row;
              const selected = entry.id === activeId;
              return (
                <li
                  key={entry.id}
                  data-index={index}
                  role="option"
                  aria-selected={selected}
                  tabIndex={selected || (selectedIndex < 0 && index === 0) ? 0 : -1}
                  className={selected ? 'post-item selected' : 'post-item'}
                  style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
                  onClick={() => openNow(entry.id)}
                  onKeyDown={(event) => {
                    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                      event.preventDefault();
                      move(event.key === 'ArrowDown' ? 1 : -1);
                    } else if (event.key === 'Enter') openNow(entry.id);
                  }}
                >
                  <span className="post-item-title">{row.title ? <Highlighted spans={row.title} /> : entry.title.trim() || t('list.untitled')}</span>
                  <span className="post-item-meta">
                    {entry.status !== 'published' && <span className={`badge badge-${entry.status}`}>{t(`desk.status.${entry.status}`)}</span>}
                    <time dateTime={new Date(entry.date).toISOString()}>{formatModified(entry.date, locale)}</time>
                  </span>
                  <span className="post-item-snippet">{row.snippet ? <Highlighted spans={row.snippet} /> : entry.snippet}</span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
});
