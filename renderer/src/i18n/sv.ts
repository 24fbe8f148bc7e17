/**
 * Swedish: the reference language (our author writes in Swedish). Every other language must have exactly
 * these keys (checked by the compiler in en.ts). Plurals use i18next's `_one`/`_other` suffixes.
 */
export const sv = {
  app: {
    newPost: 'Nytt inlägg',
    newPostHint: 'Nytt inlägg ({{shortcut}})',
    settings: 'Inställningar',
    close: 'Stäng',
    noPost: 'Välj ett inlägg till vänster, eller börja på ett nytt.',
  },
  list: {
    label: 'Inlägg',
    empty: 'Inga inlägg än. Skriv ditt första med ”Nytt inlägg”.',
    untitled: 'Utan rubrik',
    count_one: '{{count}} inlägg',
    count_other: '{{count}} inlägg',
  },
  post: {
    label: 'Inlägg',
    title: 'Rubrik',
    body: 'Brödtext',
    bodyPlaceholder: 'Skriv här…',
    delete: 'Ta bort…',
  },
  save: {
    saved: 'Sparat',
    dirty: 'Ändrat',
    saving: 'Sparar…',
    error: 'Kunde inte spara – försöker igen',
  },
  deleteDialog: {
    title: 'Ta bort inlägget?',
    message: '”{{title}}” tas bort från den här datorn. Det går inte att ångra.',
    confirm: 'Ta bort',
    cancel: 'Avbryt',
  },
  toolbar: {
    label: 'Formatering',
    undo: 'Ångra',
    redo: 'Gör om',
    bold: 'Fetstil',
    italic: 'Kursiv',
    underline: 'Understruken',
    link: 'Länk',
    heading2: 'Rubrik 2',
    heading3: 'Rubrik 3',
    bulletList: 'Punktlista',
    numberList: 'Numrerad lista',
    quote: 'Citat',
  },
  linkDialog: {
    label: 'Länk',
    placeholder: 'https://',
    save: 'Spara',
    remove: 'Ta bort länk',
    cancel: 'Avbryt',
    invalid: 'Ange en webbadress, t.ex. https://exempel.se',
  },
  settings: {
    title: 'Inställningar',
    language: 'Språk',
    languageSystem: 'Som datorn',
    theme: 'Utseende',
    themeSystem: 'Som datorn',
    themeLight: 'Ljust',
    themeDark: 'Mörkt',
    done: 'Klar',
  },
} as const;

/** The shape every language provides: the same keys, any strings. */
export type Resources = { [Section in keyof typeof sv]: { [Key in keyof (typeof sv)[Section]]: string } };
