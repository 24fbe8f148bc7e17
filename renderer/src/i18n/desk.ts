/**
 * Strings of the writer's desk (sidebar, list, search, status bar), kept apart from the editor's so the two
 * can grow without stepping on each other. Swedish is the reference; English must have the same keys.
 */
export const deskSv = {
  views: 'Vyer',
  all: 'Alla inlägg',
  drafts: 'Utkast',
  pending: 'Väntar på granskning',
  scheduled: 'Schemalagda',
  published: 'Publicerade',
  private: 'Privata',
  trashed: 'Papperskorg',
  deleted: 'Borttagna från bloggen',
  archive: 'Arkiv',
  categories: 'Kategorier',
  tags: 'Etiketter',
  search: 'Sök',
  searchPlaceholder: 'Sök i arkivet…',
  clearSearch: 'Rensa sökningen',
  results_one: '{{count}} träff',
  results_other: '{{count}} träffar',
  posts_one: '{{count}} inlägg',
  posts_other: '{{count}} inlägg',
  noResults: 'Inget inlägg matchar ”{{text}}”.',
  emptyView: 'Här finns inga inlägg.',
  loading: 'Hämtar…',
  status: {
    draft: 'Utkast',
    pending: 'Granskas',
    scheduled: 'Schemalagt',
    published: 'Publicerat',
    private: 'Privat',
    trashed: 'Papperskorg',
    deleted: 'Borttaget på bloggen',
  },
  statusBar: {
    offline: 'Arbetar lokalt',
    library_one: '{{count}} inlägg i biblioteket',
    library_other: '{{count}} inlägg i biblioteket',
  },
} as const;

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type DeskResources = Strings<typeof deskSv>;

export const deskEn: DeskResources = {
  views: 'Views',
  all: 'All posts',
  drafts: 'Drafts',
  pending: 'Pending review',
  scheduled: 'Scheduled',
  published: 'Published',
  private: 'Private',
  trashed: 'Trash',
  deleted: 'Deleted on the blog',
  archive: 'Archive',
  categories: 'Categories',
  tags: 'Tags',
  search: 'Search',
  searchPlaceholder: 'Search the archive…',
  clearSearch: 'Clear the search',
  results_one: '{{count}} match',
  results_other: '{{count}} matches',
  posts_one: '{{count}} post',
  posts_other: '{{count}} posts',
  noResults: 'No post matches “{{text}}”.',
  emptyView: 'No posts here.',
  loading: 'Loading…',
  status: {
    draft: 'Draft',
    pending: 'Pending',
    scheduled: 'Scheduled',
    published: 'Published',
    private: 'Private',
    trashed: 'Trash',
    deleted: 'Deleted on the blog',
  },
  statusBar: {
    offline: 'Working locally',
    library_one: '{{count}} post in the library',
    library_other: '{{count}} posts in the library',
  },
};
