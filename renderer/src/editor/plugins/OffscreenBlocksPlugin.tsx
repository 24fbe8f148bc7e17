import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

/** Marks a top-level block that is far from the viewport: styles.css gives it `content-visibility: hidden`. */
export const FAR_ATTRIBUTE = 'data-lh-far';
/**
 * Marks a block just brought back (by a scroll, or a caret key about to reach it): styles.css renders it fully
 * (`visible`), since an `auto` block off screen stays skipped until the next frame, too late for the key or
 * for keeping the text in view still. Cleared two frames later, once it has been rendered.
 */
export const SHOWN_ATTRIBUTE = 'data-lh-shown';

/**
 * How far beyond the viewport blocks stay rendered, in viewport heights above and below: twice Chromium's own
 * margin for `content-visibility: auto`, so even a fast fling finds the next screen already rendered.
 */
const MARGIN_SCREENS = 1;

/**
 * Keeps a long post cheap to type in. Every top-level block has `content-visibility: auto` (styles.css): the
 * browser skips laying out and painting blocks off screen. But it pays for that on every frame, for every
 * block: an intersection check each, and each one is a paint layer that pre-paint and the hover hit test
 * walk. On a 20,000-word post (1,559 blocks) that was most of a frame's rendering while typing.
 *
 * So this plugin hides the blocks far from the viewport itself, with `content-visibility: hidden` (locked
 * like a skipped `auto` block, its last size remembered, but never checked per frame), and keeps `auto` on
 * the blocks within a margin of the viewport. The work happens on scroll, resize and when blocks come or
 * go; a keystroke inside a block costs nothing here.
 *
 * Invariants: the blocks holding the selection's ends are never hidden (the caret stays rendered and
 * typing into it lays out as usual); a block the plugin has not seen yet (just created) carries no mark, so
 * it falls back to `auto`: correct, just not as cheap.
 */
export function OffscreenBlocksPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.registerRootListener((root) => (root ? trackOffscreenBlocks(root) : undefined)), [editor]);
  return null;
}

/** Starts hiding the far blocks of `root` (inside its scrolling parent); returns the cleanup. */
export function trackOffscreenBlocks(root: HTMLElement): () => void {
  const scroller = scrollingParent(root);
  if (!scroller) return () => {};
  let frame = 0;
  let settle = 0;
  // Blocks shown at once go back to `auto` two frames later, once they have been rendered (and their size
  // remembered): a fully rendered block costs layout on every keystroke, an `auto` one only while on screen.
  const settleLater = () => {
    if (settle !== 0) return;
    settle = requestAnimationFrame(() => {
      settle = requestAnimationFrame(() => {
        settle = 0;
        for (const block of root.querySelectorAll(`:scope > [${SHOWN_ATTRIBUTE}]`)) block.removeAttribute(SHOWN_ATTRIBUTE);
      });
    });
  };
  const estimated = new WeakSet<Element>();
  const update = () => {
    frame = 0;
    if (markFarBlocks(root, scroller)) settleLater();
    estimateHeights(root, estimated);
  };
  const later = () => {
    if (frame === 0) frame = requestAnimationFrame(update);
  };
  // Scroll events run in the frame that shows the new position: marking there renders the blocks now in view
  // in that same frame.
  scroller.addEventListener('scroll', update, { passive: true });
  const resize = new ResizeObserver(later);
  resize.observe(scroller);
  const children = new MutationObserver(later);
  children.observe(root, { childList: true });
  const onSelection = () => revealSelection(root);
  document.addEventListener('selectionchange', onSelection);
  // Capture, so it runs before the browser moves the caret (its default action needs the target rendered).
  const onKey = (event: KeyboardEvent) => {
    if (revealForCaretKey(root, event)) settleLater();
  };
  root.addEventListener('keydown', onKey, true);
  later();
  return () => {
    if (frame !== 0) cancelAnimationFrame(frame);
    if (settle !== 0) cancelAnimationFrame(settle);
    scroller.removeEventListener('scroll', update);
    resize.disconnect();
    children.disconnect();
    document.removeEventListener('selectionchange', onSelection);
    root.removeEventListener('keydown', onKey, true);
    for (const block of root.querySelectorAll(`:scope > [${FAR_ATTRIBUTE}], :scope > [${SHOWN_ATTRIBUTE}]`)) {
      block.removeAttribute(FAR_ATTRIBUTE);
      block.removeAttribute(SHOWN_ATTRIBUTE);
    }
    for (const block of root.children) if (block instanceof HTMLElement) block.style.removeProperty('contain-intrinsic-size');
  };
}

/** An average letter of the body text, in ems (Georgia-like serif prose). */
const LETTER_EM = 0.47;

/**
 * Gives each text block first seen hidden a placeholder height from its length (lines × line height), for as
 * long as it has never been rendered: `auto` in `contain-intrinsic-size` makes the browser use the real
 * height once it has one. With one 3em placeholder for every block, a long post's scrollbar lied and a jump
 * to the end landed short of it, as the blocks shown there grew. A block first seen near the viewport (the
 * top of a post just opened, a block just typed) is rendered anyway and gets none, nor do blocks that are not
 * text (images, embeds, kept HTML): they keep the stylesheet's placeholder.
 */
function estimateHeights(root: HTMLElement, estimated: WeakSet<Element>): void {
  const blocks = root.children;
  let lineHeight = 0;
  let lettersPerLine = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (estimated.has(block)) continue;
    estimated.add(block);
    if (!(block instanceof HTMLElement) || !block.hasAttribute(FAR_ATTRIBUTE) || block.getAttribute('contenteditable') === 'false') continue;
    if (lineHeight === 0) {
      const style = getComputedStyle(root);
      const fontSize = parseFloat(style.fontSize) || 16;
      lineHeight = parseFloat(style.lineHeight) || fontSize * 1.5;
      lettersPerLine = Math.max(20, root.clientWidth / (fontSize * LETTER_EM));
    }
    // A list or a quote holds at least a line per item or inner block.
    const lines = Math.max(1, block.childElementCount * (block.matches('ul, ol, blockquote') ? 1 : 0), Math.ceil((block.textContent?.length ?? 0) / lettersPerLine));
    block.style.setProperty('contain-intrinsic-size', `auto ${Math.round(lines * lineHeight)}px`);
  }
}

function scrollingParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(node).overflowY)) return node;
  }
  return null;
}

/** The top-level block of `root` that holds `node`, if any (a few parent steps: blocks are shallow). */
function blockOf(root: HTMLElement, node: Node | null): Element | null {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.parentNode === root) return n instanceof Element ? n : null;
  }
  return null;
}

/** Brings a hidden block back fully rendered in this frame (SHOWN_ATTRIBUTE; it settles to `auto` later). */
function showNow(block: Element): void {
  block.removeAttribute(FAR_ATTRIBUTE);
  block.setAttribute(SHOWN_ATTRIBUTE, '');
}

/** Blocks around the caret a page key may move it through: more than a screen of one-line blocks. */
const PAGE_BLOCKS = 40;

/**
 * The browser moves the caret by keys (arrows, Home/End, Page Up/Down) through layout, and a hidden block has
 * none: Ctrl+End into a hidden last block would land at its start. So before the key's default action, the
 * blocks it can reach are shown: the neighbours of the caret's blocks, a page of them for Page Up/Down, the
 * first or last blocks for the jumps to the post's start or end.
 */
function revealForCaretKey(root: HTMLElement, event: KeyboardEvent): boolean {
  const jump = event.ctrlKey || event.metaKey;
  const blocks = root.children;
  // Shows blocks from..to; true if any was hidden (then they are marked shown, to settle later).
  const show = (from: number, to: number): boolean => {
    let any = false;
    for (let i = Math.max(0, from); i <= Math.min(blocks.length - 1, to); i++) {
      if (!blocks[i]!.hasAttribute(FAR_ATTRIBUTE)) continue;
      showNow(blocks[i]!);
      any = true;
    }
    return any;
  };
  const aroundCaret = (reach: number): boolean => {
    const selection = document.getSelection();
    let any = false;
    for (const node of [selection?.anchorNode, selection?.focusNode]) {
      const block = blockOf(root, node ?? null);
      const at = block ? Array.prototype.indexOf.call(blocks, block) : -1;
      if (at >= 0) any = show(at - reach, at + reach) || any;
    }
    return any;
  };
  switch (event.key) {
    case 'Home':
    case 'End':
      if (jump) return event.key === 'Home' ? show(0, 2) : show(blocks.length - 3, blocks.length);
      return aroundCaret(1);
    case 'ArrowUp':
    case 'ArrowDown':
      // Cmd+Up/Down on macOS: the post's start or end.
      if (event.metaKey) return event.key === 'ArrowUp' ? show(0, 2) : show(blocks.length - 3, blocks.length);
      return aroundCaret(2);
    case 'ArrowLeft':
    case 'ArrowRight':
      return aroundCaret(1);
    case 'PageUp':
    case 'PageDown':
      return aroundCaret(PAGE_BLOCKS);
  }
  return false;
}

function revealSelection(root: HTMLElement): void {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return;
  blockOf(root, selection.anchorNode)?.removeAttribute(FAR_ATTRIBUTE);
  blockOf(root, selection.focusNode)?.removeAttribute(FAR_ATTRIBUTE);
}

/**
 * Marks every block outside [viewport top − margin, viewport bottom + margin] and clears the mark inside.
 * The blocks are in document order, so the window is found by binary search on their positions; only
 * blocks whose state changes are written to.
 *
 * A block shown for the first time grows from its placeholder size (3em) to its real height; when that
 * happens above the viewport the text in view would jump down. So the block at the viewport's top is an
 * anchor: after the marks change, the scroll position is corrected by however far the anchor moved.
 */
export function markFarBlocks(root: HTMLElement, scroller: HTMLElement): boolean {
  const blocks = root.children;
  const count = blocks.length;
  if (count === 0) return false;
  const frame = scroller.getBoundingClientRect();
  const margin = frame.height * MARGIN_SCREENS;
  const top = frame.top - margin;
  const bottom = frame.bottom + margin;
  // First block whose bottom edge is below the window's top; first block whose top edge is below its bottom.
  const first = firstIndex(count, (i) => blocks[i]!.getBoundingClientRect().bottom >= top);
  const end = firstIndex(count, (i) => blocks[i]!.getBoundingClientRect().top > bottom);
  const anchorAt = firstIndex(count, (i) => blocks[i]!.getBoundingClientRect().bottom > frame.top);
  const anchor = blocks[anchorAt];
  const anchorTop = anchor?.getBoundingClientRect().top ?? 0;
  const selection = document.getSelection();
  const keep = new Set([blockOf(root, selection?.anchorNode ?? null), blockOf(root, selection?.focusNode ?? null)]);
  let changedAbove = false;
  let shown = false;
  for (let i = 0; i < count; i++) {
    const block = blocks[i]!;
    const far = (i < first || i >= end) && !keep.has(block);
    if (far !== block.hasAttribute(FAR_ATTRIBUTE)) {
      if (far) block.setAttribute(FAR_ATTRIBUTE, '');
      else {
        // Rendered at once (an `auto` block would wait for the next frame), so the anchor sees its real height.
        showNow(block);
        shown = true;
      }
      if (i < anchorAt) changedAbove = true;
    }
  }
  if (anchor && changedAbove) {
    const moved = anchor.getBoundingClientRect().top - anchorTop;
    if (Math.abs(moved) >= 1) scroller.scrollTop += moved;
  }
  return shown;
}

/** The smallest i in [0, count) with test(i) true (test is monotone), or count. */
function firstIndex(count: number, test: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
