import { useEffect, useState } from 'react';
import type { SyncProgress, SyncStatus } from '../../../electron/common/api/sync.ts';
import { blog } from '../blog.ts';

const EMPTY: SyncStatus = { blogs: [] };

/** The sync status of every blog, and the progress of what runs now; both live, from core's events. */
export function useSyncStatus(): { status: SyncStatus; progress: SyncProgress | null } {
  const [status, setStatus] = useState<SyncStatus>(EMPTY);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  useEffect(() => {
    let clear: ReturnType<typeof setTimeout> | undefined;
    blog.getSyncStatus().then(setStatus, (error: unknown) => console.error('sync status', error));
    const disposers = [
      blog.onDidChangeSyncStatus((next) => {
        setStatus(next);
        if (!next.blogs.some((b) => b.syncing)) setProgress(null);
      }),
      blog.onDidSyncProgress((next) => {
        setProgress(next);
        clearTimeout(clear);
        // A finished phase leaves its bar for a moment, then the bar goes.
        if (next.total !== null && next.done >= next.total) clear = setTimeout(() => setProgress(null), 1500);
      }),
    ];
    return () => {
      clearTimeout(clear);
      disposers.forEach((dispose) => dispose());
    };
  }, []);
  return { status, progress };
}
