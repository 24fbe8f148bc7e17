import type { ArchiveQuery, LibraryFilter } from '../../../electron/common/api/library.ts';
import type { PostStatus } from '../../../electron/common/models.ts';

/** What the middle list shows: chosen in the sidebar. */
export type ListSelection =
  | { readonly kind: 'all' }
  | { readonly kind: 'status'; readonly status: PostStatus }
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'category'; readonly termId: string; readonly name: string }
  | { readonly kind: 'tag'; readonly termId: string; readonly name: string }
  /** Not post lists: the outbox and the conflicts have views of their own. */
  | { readonly kind: 'outbox' }
  | { readonly kind: 'conflicts' };

export const ALL: ListSelection = { kind: 'all' };

export function sameSelection(a: ListSelection, b: ListSelection): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The library filter a selection stands for (search combines it with the words). */
export function filterOf(selection: ListSelection): LibraryFilter & Pick<ArchiveQuery, 'year' | 'month'> {
  switch (selection.kind) {
    case 'all':
      return {};
    case 'status':
      return { statuses: [selection.status] };
    case 'month':
      return { year: selection.year, month: selection.month };
    case 'category':
      return { categoryId: selection.termId };
    case 'tag':
      return { tagId: selection.termId };
    case 'outbox':
    case 'conflicts':
      return {};
  }
}
