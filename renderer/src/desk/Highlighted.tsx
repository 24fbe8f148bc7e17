import type { TextSpan } from '../../../electron/common/api/library.ts';

/** Search matches as <mark>: spans are plain text from core, never HTML, so nothing here can inject markup. */
export function Highlighted({ spans }: { spans: readonly TextSpan[] }) {
  return (
    <>
      {spans.map((span, index) =>
        span.match ? <mark key={index}>{span.text}</mark> : <span key={index}>{span.text}</span>,
      )}
    </>
  );
}
