import { useCallback, useEffect, useRef } from 'react';
import type { PostPatch } from '../../../electron/common/models.ts';
import { blog } from '../blog.ts';

/**
 * Saves post fields typed into the inspector (slug, excerpt) shortly after typing pauses, and whatever is
 * pending when the inspector closes or switches posts: no field loses a keystroke.
 */
export function useDebouncedSave(postId: string, onError: (error: unknown) => void) {
  const pending = useRef<Record<string, unknown>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const patch = pending.current;
    pending.current = {};
    if (Object.keys(patch).length > 0) blog.savePost(postId, patch as PostPatch).catch(onError);
  }, [postId, onError]);

  useEffect(() => flush, [flush]);

  return useCallback(
    (patch: PostPatch, delayMs = 400) => {
      pending.current = { ...pending.current, ...patch };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [flush],
  );
}
