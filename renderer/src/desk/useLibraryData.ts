import { useEffect, useState } from 'react';
import type { ArchiveCounts } from '../../../electron/common/api/library.ts';
import type { PostStatus, Term } from '../../../electron/common/models.ts';
import { blog } from '../blog.ts';

export interface LibraryOverview {
  readonly statusCounts: Partial<Record<PostStatus, number>>;
  readonly archive: ArchiveCounts;
  readonly categories: Term[];
  readonly tags: Term[];
}

const EMPTY: LibraryOverview = { statusCounts: {}, archive: { total: 0, years: [] }, categories: [], tags: [] };

/**
 * The sidebar's numbers: counts per status and month, categories and tags. Reloaded (coalesced, at most a
 * few times a second) whenever posts or the library change, so typing in the editor doesn't hammer it.
 */
export function useLibraryOverview(): LibraryOverview {
  const [overview, setOverview] = useState<LibraryOverview>(EMPTY);
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      const [statusCounts, archive, categories, tags] = await Promise.all([
        blog.statusCounts(),
        blog.archiveCounts(),
        blog.listTerms({ taxonomy: 'category' }),
        blog.listTerms({ taxonomy: 'tag' }),
      ]);
      // Most saves change no count: keep the same object then, so the desk doesn't re-render for nothing.
      const next = { statusCounts, archive, categories, tags };
      if (!cancelled) setOverview((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next));
    };
    const reloadSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void load().catch((error: unknown) => console.error('library overview', error)), 300);
    };
    void load().catch((error: unknown) => console.error('library overview', error));
    const disposers = [blog.onDidChangePost(reloadSoon), blog.onDidChangeLibrary(reloadSoon)];
    return () => {
      cancelled = true;
      clearTimeout(timer);
      disposers.forEach((dispose) => dispose());
    };
  }, []);
  return overview;
}
