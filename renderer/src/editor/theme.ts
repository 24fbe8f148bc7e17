import type { EditorThemeClasses } from 'lexical';

/** Class names only: the look lives in styles.css, so the editor's DOM stays plain and themeable. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'lh-p',
  heading: { h1: 'lh-h1', h2: 'lh-h2', h3: 'lh-h3', h4: 'lh-h4' },
  quote: 'lh-quote',
  quoteCitation: 'lh-quote-cite',
  list: {
    ul: 'lh-ul',
    ol: 'lh-ol',
    listitem: 'lh-li',
    nested: { listitem: 'lh-li-nested' },
  },
  link: 'lh-link',
  text: {
    bold: 'lh-bold',
    italic: 'lh-italic',
    underline: 'lh-underline',
    strikethrough: 'lh-strike',
    code: 'lh-code',
  },
};
