// The centre pane: the open article, for reading.

import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";

import type { ArticleState } from "../hooks/useArticle";
import { findMatches, stepMatch } from "../lib/find";
import { formatPublished } from "../lib/format";
import { rangesToUtf16, visibleControls, type Range } from "../lib/text";
import { ArticleBody } from "./ArticleBody";
import { FindBar } from "./FindBar";
import { ReaderLink } from "./ReaderLink";

interface Props {
  article: ArticleState;
  findOpen: boolean;
  /** Bumped by Ctrl+F to focus the find field. */
  findFocusKey: number;
  onFindClose: () => void;
}

const NO_RANGES: readonly Range[] = [];

export function Reader({ article, findOpen, findFocusKey, onFindClose }: Props) {
  const { view, loading, error } = article;
  const scroller = useRef<HTMLDivElement>(null);
  const body = view?.article.body ?? "";
  const hits = useMemo(() => (view ? rangesToUtf16(view.article.body, view.highlights) : NO_RANGES), [view]);

  const [needle, setNeedle] = useState("");
  // Finding in a 5 MB body takes a moment: typing stays responsive and the marks follow.
  const deferredNeedle = useDeferredValue(findOpen ? needle : "");
  const found = useMemo(() => findMatches(body, deferredNeedle), [body, deferredNeedle]);
  const [current, setCurrent] = useState({ found, index: found.matches.length ? 0 : -1 });
  const index = current.found === found ? current.index : found.matches.length ? 0 : -1;
  if (current.found !== found) setCurrent({ found, index });
  const currentFind = index >= 0 ? found.matches[index][0] : -1;

  const articleId = view?.article.id;
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [articleId]);

  useEffect(() => {
    if (currentFind < 0) return;
    scroller.current?.querySelector("mark.find.current")?.scrollIntoView({ block: "center" });
  }, [currentFind, found]);

  const closeFind = () => {
    setNeedle("");
    onFindClose();
    scroller.current?.focus();
  };

  if (!view) {
    let message = "Select an article to read it";
    let hint = "Pick a result on the left, or move through them with the arrow keys and press Enter.";
    if (error) {
      message = error.code === "article_not_found" ? "This article is no longer in your desk" : "The article could not be opened";
      hint = error.code === "article_not_found" ? "It may have been removed since the search ran. Search again to refresh the list." : error.message;
    } else if (loading) {
      message = "Opening the article…";
      hint = "";
    }
    return (
      <main className="reader" data-testid="reader" aria-label="Article">
        <div className="empty-state reader-empty" role="status">
          <p className="empty-title">{message}</p>
          {hint && <p className="empty-hint">{hint}</p>}
        </div>
      </main>
    );
  }

  const a = view.article;
  const byline = [a.outlet, a.author, formatPublished(a.published)].filter(Boolean).join(" · ");
  return (
    <main className={`reader${loading ? " loading" : ""}`} data-testid="reader" aria-label="Article" aria-busy={loading}>
      {findOpen && (
        <FindBar
          value={needle}
          count={found.matches.length}
          truncated={found.truncated}
          current={index}
          focusKey={findFocusKey}
          onChange={setNeedle}
          onStep={(direction) => setCurrent({ found, index: stepMatch(index, found.matches.length, direction) })}
          onClose={closeFind}
        />
      )}
      <div className="reader-scroll" ref={scroller} tabIndex={0} aria-label="Article text">
        <article className="reader-article" lang={a.language ?? undefined}>
          <header className="reader-header">
            <h1 className="reader-title" data-testid="reader-title" dir="auto">
              {visibleControls(a.title) || "Untitled"}
            </h1>
            {byline && (
              <p className="reader-byline" dir="auto">
                {visibleControls(byline)}
              </p>
            )}
            {a.url && <ReaderLink url={a.url} />}
          </header>
          <ArticleBody body={body} hits={hits} finds={found.matches} currentFind={currentFind} />
        </article>
      </div>
    </main>
  );
}
