// Why the query was not searched, under the search box, with the typed text
// repeated and the character where the problem is marked.

import type { SearchError } from "../lib/searchController";
import { visibleControls } from "../lib/text";

interface Props {
  id: string;
  error: SearchError;
  text: string;
}

export function QueryErrorLine({ id, error, text }: Props) {
  const at = error.at;
  const showCaret = error.code === "query_syntax" && at !== null && text.length > 0;
  let where = null;
  if (showCaret) {
    // The character at `at` (a whole code point), or a marked space past the end.
    const point = at < text.length ? String.fromCodePoint(text.codePointAt(at)!) : " ";
    where = (
      <code className="query-echo" dir="auto" aria-hidden="true">
        {visibleControls(text.slice(0, at))}
        <mark className="query-error-at">{visibleControls(point)}</mark>
        {visibleControls(text.slice(at + point.length))}
      </code>
    );
  }
  return (
    <div id={id} className="query-error" data-testid="query-error" role="alert">
      <p className="query-error-message">{visibleControls(error.message)}</p>
      {where}
    </div>
  );
}
