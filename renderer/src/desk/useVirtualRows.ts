import { useCallback, useEffect, useState, type RefObject } from 'react';

/**
 * Which rows of a long, fixed-row-height list are in view (plus some overscan): the list renders only those,
 * so 100,000 posts cost what 30 do. Returns the range and the total height for the spacer.
 */
export function useVirtualRows(container: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 8) {
  const [viewport, setViewport] = useState({ top: 0, height: 800 });
  const measure = useCallback(() => {
    const el = container.current;
    if (el) setViewport({ top: el.scrollTop, height: el.clientHeight || 800 });
  }, [container]);
  useEffect(() => {
    const el = container.current;
    if (!el) return undefined;
    // The observer reports the size once right away, then on every resize.
    el.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, [container, measure]);
  const first = Math.max(0, Math.floor(viewport.top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((viewport.top + viewport.height) / rowHeight) + overscan);
  return { first, last, totalHeight: count * rowHeight };
}
