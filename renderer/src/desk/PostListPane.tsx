import { useEffect, useRef, useState } from 'react';
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
}

const ROW_HEIGHT = 76;

/**
 * The middle column: a search field over the current view, then the posts, virtualised. Arrow keys move
 * through the list and open the post; Ctrl/Cmd+F jumps to the search field.
 */
export function PostListPane({ selection, selectedId, onOpen }: PostListPaneProps) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [text, setText] = useState('');
  const list = usePostList(selection, text);
  const scroller = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const { first, last, totalHeight } = useVirtualRows(scroller, list.rows.length, ROW_HEIGHT);

  // Near the end of what is loaded: fetch the next page.
  useEffect(() => {
    if (last >= list.rows.length - 20) list.loadMore();
  }, [last, list]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = /Mac/.test(navigator.platform) ? event.metaKey : event.ctrlKey;
      if (mod && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const selectedIndex = list.rows.findIndex((row) => row.entry.id === selectedId);
  const move = (delta: number) => {
    const index = Math.min(list.rows.length - 1, Math.max(0, (selectedIndex < 0 ? -1 : selectedIndex) + delta));
    const row = list.rows[index];
    if (!row) return;
    onOpen(row.entry.id);
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
      <div className="list-summary" aria-live="polite">
        {list.loading && list.rows.length === 0 ? t('desk.loading') : summary}
      </div>
      <div className="list-scroll" ref={scroller}>
        {list.rows.length === 0 && !list.loading ? (
          <p className="empty-list">{text.trim() ? t('desk.noResults', { text: text.trim() }) : selection.kind === 'all' ? t('list.empty') : t('desk.emptyView')}</p>
        ) : (
          <ul className="post-list" role="listbox" aria-label={t('list.label')} style={{ height: totalHeight }}>
            {list.rows.slice(first, last).map((row, offset) => {
              const index = first + offset;
              const { entry } = row;
              const selected = entry.id === selectedId;
              return (
                <li
                  key={entry.id}
                  data-index={index}
                  role="option"
                  aria-selected={selected}
                  tabIndex={selected || (selectedIndex < 0 && index === 0) ? 0 : -1}
                  className={selected ? 'post-item selected' : 'post-item'}
                  style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
                  onClick={() => onOpen(entry.id)}
                  onKeyDown={(event) => {
                    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                      event.preventDefault();
                      move(event.key === 'ArrowDown' ? 1 : -1);
                    } else if (event.key === 'Enter') onOpen(entry.id);
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
}
