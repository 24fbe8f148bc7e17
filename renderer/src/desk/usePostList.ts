import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArchiveEntry, ArchiveSort, SearchHit, TextSpan } from '../../../electron/common/api/library.ts';
import { blog } from '../blog.ts';
import { filterOf, type ListSelection } from './selection.ts';

/** One row of the middle list: an archive entry, with highlights when it came from a search. */
export interface ListRow {
  readonly entry: ArchiveEntry;
  readonly title?: TextSpan[];
  readonly snippet?: TextSpan[];
}

export interface PostListState {
  readonly rows: readonly ListRow[];
  /** Search: how many match in all; lists: null (we page until the end). */
  readonly total: number | null;
  readonly loading: boolean;
  readonly hasMore: boolean;
  loadMore(): void;
}

const PAGE = 100;
/** The API's largest page (LIMITS.listLimit): a refresh of a list scrolled further keeps that many rows. */
const MAX_REFRESH = 1_000;

/**
 * The rows for a selection and search text, a page at a time (keyset cursors: page 1,000 costs what page 1
 * does), by date or by title (search results are always ranked). A newer request supersedes an older one:
 * typing fast never shows stale results.
 */
export function usePostList(selection: ListSelection, text: string, sort: ArchiveSort = 'date'): PostListState {
  const [rows, setRows] = useState<readonly ListRow[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [hasMore, setHasMore] = useState(false);
  const next = useRef<string | null>(null);
  const generation = useRef(0);
  const busy = useRef(false);
  const loaded = useRef(0);

  /**
   * `quiet`: a refresh after a change — it re-reads as many rows as are loaded (a list scrolled far stays put)
   * and shows no loading state (while typing, each save would otherwise re-render the list twice for nothing).
   */
  const fetchPage = useCallback(
    async (cursor: string | undefined, gen: number, quiet = false) => {
      const limit = quiet ? Math.min(MAX_REFRESH, Math.max(PAGE, loaded.current)) : PAGE;
      busy.current = true;
      if (!quiet) setLoading(true);
      try {
        const filter = filterOf(selection);
        const words = text.trim();
        const page = words
          ? await blog.search({ ...withoutMonth(filter), ...monthRange(filter), text, limit, cursor })
          : await blog.listArchive({ ...filter, sort, limit, cursor });
        if (gen !== generation.current) return;
        const fresh: ListRow[] = words
          ? (page.items as SearchHit[]).map((hit) => ({ entry: hit.post, title: hit.title, snippet: hit.snippet }))
          : (page.items as ArchiveEntry[]).map((entry) => ({ entry }));
        // A save that changed nothing listed (most keystrokes past the snippet) keeps the same rows: no re-render.
        setRows((previous) => {
          let shown: readonly ListRow[] = fresh;
          if (cursor) shown = [...previous, ...fresh];
          else if (JSON.stringify(previous) === JSON.stringify(fresh)) shown = previous;
          loaded.current = shown.length;
          return shown;
        });
        setTotal('total' in page ? page.total : null);
        next.current = page.next;
        setHasMore(page.next !== null);
      } finally {
        if (gen === generation.current) {
          busy.current = false;
          if (!quiet) setLoading(false);
        }
      }
    },
    [selection, text, sort],
  );

  const reload = useCallback(
    (keep = false) => {
      generation.current += 1;
      next.current = null;
      fetchPage(undefined, generation.current, keep).catch((error: unknown) => console.error('post list', error));
    },
    [fetchPage],
  );

  useEffect(() => {
    const timer = setTimeout(() => reload(), text ? 120 : 0);
    return () => clearTimeout(timer);
  }, [reload, text]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reload(true), 250);
    };
    const disposers = [blog.onDidChangePost(soon), blog.onDidChangeLibrary(soon)];
    return () => {
      clearTimeout(timer);
      disposers.forEach((dispose) => dispose());
    };
  }, [reload]);

  const loadMore = useCallback(() => {
    if (busy.current || !next.current) return;
    fetchPage(next.current, generation.current).catch((error: unknown) => console.error('post list', error));
  }, [fetchPage]);

  return { rows, total, loading, hasMore, loadMore };
}

function withoutMonth<T extends { year?: number; month?: number }>(filter: T): Omit<T, 'year' | 'month'> {
  const { year: _year, month: _month, ...rest } = filter;
  return rest;
}

/** Search has no month filter of its own: a month becomes a date range (local time, close enough for a filter). */
function monthRange(filter: { year?: number; month?: number }): { from?: number; to?: number } {
  if (filter.year === undefined || filter.month === undefined) return {};
  return { from: new Date(filter.year, filter.month - 1, 1).getTime(), to: new Date(filter.year, filter.month, 1).getTime() };
}
