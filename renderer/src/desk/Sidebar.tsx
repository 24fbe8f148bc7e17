import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../electron/common/api/sync.ts';
import type { PostStatus, Term } from '../../../electron/common/models.ts';
import { localeOf } from '../i18n/i18n.ts';
import { type ListSelection, sameSelection } from './selection.ts';
import type { LibraryOverview } from './useLibraryData.ts';

export interface SidebarProps {
  readonly selection: ListSelection;
  readonly onSelect: (selection: ListSelection) => void;
  readonly overview: LibraryOverview;
  readonly sync: SyncStatus;
  readonly onAddBlog: () => void;
}

const STATUS_VIEWS: readonly { status: PostStatus; key: string }[] = [
  { status: 'draft', key: 'desk.drafts' },
  { status: 'pending', key: 'desk.pending' },
  { status: 'scheduled', key: 'desk.scheduled' },
  { status: 'published', key: 'desk.published' },
  { status: 'private', key: 'desk.private' },
  { status: 'trashed', key: 'desk.trashed' },
  { status: 'deleted', key: 'desk.deleted' },
];

/** The archive's map, like the blog's own sidebar: views by status, Arkiv by year › month, Kategorier, Etiketter. */
export function Sidebar({ selection, onSelect, overview, sync, onAddBlog }: SidebarProps) {
  const { t, i18n } = useTranslation();
  const [openYears, setOpenYears] = useState<ReadonlySet<number>>(new Set());
  const locale = localeOf(i18n.language);
  const monthName = (month: number) => new Date(2000, month - 1, 1).toLocaleDateString(locale, { month: 'long' });

  const item = (target: ListSelection, label: string, count: number | undefined, depth = 0) => (
    <li key={JSON.stringify(target)}>
      <button
        type="button"
        className="nav-item"
        style={depth ? { paddingLeft: `${12 + depth * 14}px` } : undefined}
        aria-current={sameSelection(selection, target) ? 'page' : undefined}
        onClick={() => onSelect(target)}
      >
        <span className="nav-label">{label}</span>
        {count !== undefined && <span className="nav-count">{count.toLocaleString(locale)}</span>}
      </button>
    </li>
  );

  const toggleYear = (year: number) => {
    const next = new Set(openYears);
    if (next.has(year)) next.delete(year);
    else next.add(year);
    setOpenYears(next);
  };

  return (
    <nav className="nav" aria-label={t('desk.views')}>
      <ul className="nav-section">
        {item({ kind: 'all' }, t('desk.all'), undefined)}
        {STATUS_VIEWS.filter((v) => v.status === 'draft' || v.status === 'published' || (overview.statusCounts[v.status] ?? 0) > 0).map((v) =>
          item({ kind: 'status', status: v.status }, t(v.key), overview.statusCounts[v.status] ?? 0),
        )}
        {sync.blogs.length > 0 && item({ kind: 'outbox' }, t('sync.outbox.title'), sync.blogs.reduce((n, b) => n + b.outbox + b.failed, 0))}
        {sync.blogs.some((b) => b.conflicts > 0) && item({ kind: 'conflicts' }, t('sync.conflicts.title'), sync.blogs.reduce((n, b) => n + b.conflicts, 0))}
      </ul>

      {overview.archive.years.length > 0 && (
        <section aria-labelledby="nav-archive">
          <h2 id="nav-archive" className="nav-heading">
            {t('desk.archive')}
          </h2>
          <ul className="nav-section">
            {overview.archive.years.map((year) => (
              <li key={year.year}>
                <button type="button" className="nav-item" aria-expanded={openYears.has(year.year)} onClick={() => toggleYear(year.year)}>
                  <span className="nav-label">
                    <span className="disclosure" aria-hidden="true">
                      {openYears.has(year.year) ? '▾' : '▸'}
                    </span>
                    {year.year}
                  </span>
                  <span className="nav-count">{year.count.toLocaleString(locale)}</span>
                </button>
                {openYears.has(year.year) && (
                  <ul>{year.months.map((m) => item({ kind: 'month', year: year.year, month: m.month }, monthName(m.month), m.count, 1))}</ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {overview.categories.length > 0 && (
        <section aria-labelledby="nav-categories">
          <h2 id="nav-categories" className="nav-heading">
            {t('desk.categories')}
          </h2>
          <ul className="nav-section">{categoryTree(overview.categories).map(({ term, depth }) => item({ kind: 'category', termId: term.id, name: term.name }, term.name, term.count, depth))}</ul>
        </section>
      )}

      {overview.tags.length > 0 && (
        <section aria-labelledby="nav-tags">
          <h2 id="nav-tags" className="nav-heading">
            {t('desk.tags')}
          </h2>
          <ul className="nav-section nav-tags">
            {[...overview.tags]
              .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, locale))
              .slice(0, 40)
              .map((tag) => item({ kind: 'tag', termId: tag.id, name: tag.name }, tag.name, tag.count))}
          </ul>
        </section>
      )}
      <button type="button" className="nav-add" onClick={onAddBlog}>
        {t('sync.addBlog')}
      </button>
    </nav>
  );
}

/** Categories in tree order (parents before their children, siblings by name), with their depth. */
export function categoryTree(terms: readonly Term[]): { term: Term; depth: number }[] {
  const children = new Map<string | null, Term[]>();
  for (const term of terms) {
    const parent = term.parentId && terms.some((t) => t.id === term.parentId) ? term.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), term]);
  }
  const out: { term: Term; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const term of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'sv'))) {
      out.push({ term, depth });
      if (depth < 8) walk(term.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
