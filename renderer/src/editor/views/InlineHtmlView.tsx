import { sanitizePreview } from '../sanitize.ts';

/** Inline markup kept as source, shown sanitised; dotted underline says "kept as HTML". */
export function InlineHtmlView({ html }: { html: string }) {
  return <span className="lh-inline-html" title={html.length > 200 ? `${html.slice(0, 200)}…` : html} dangerouslySetInnerHTML={{ __html: sanitizePreview(html) }} />;
}
