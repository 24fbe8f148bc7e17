/**
 * Where the window was, remembered across restarts (electron-store, see preferences.ts). Pure logic here;
 * the shell feeds it the displays and stores the result.
 */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 720, height: 480 } as const;

/**
 * Restores saved bounds only if enough of the window would be visible on a current display (a monitor that
 * was unplugged must not leave the window off-screen); otherwise falls back to centred defaults.
 */
export function restoreBounds(saved: unknown, displays: readonly Rect[]): WindowBounds {
  if (!isBounds(saved)) return { ...DEFAULT_BOUNDS };
  const width = Math.max(saved.width, MIN_SIZE.width);
  const height = Math.max(saved.height, MIN_SIZE.height);
  if (saved.x === undefined || saved.y === undefined) return { width, height, maximized: saved.maximized };
  const visible = displays.some((d) => overlap(d, { x: saved.x!, y: saved.y!, width, height }) >= 100 * 100);
  if (!visible) return { width, height, maximized: saved.maximized };
  return { x: saved.x, y: saved.y, width, height, maximized: saved.maximized };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function isBounds(value: unknown): value is WindowBounds {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const finite = (n: unknown) => typeof n === 'number' && Number.isFinite(n);
  if (!finite(v.width) || !finite(v.height)) return false;
  if (v.x !== undefined && !finite(v.x)) return false;
  if (v.y !== undefined && !finite(v.y)) return false;
  return true;
}
