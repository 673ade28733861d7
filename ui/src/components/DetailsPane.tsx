// The right pane: what is known about the open article. It is made of
// sections so that later ones (claims, sources) slot in beside these.

import type { ReactNode } from "react";

import type { ClaimsState } from "../hooks/useClaims";
import type { Article, ClaimId, Span } from "../lib/backend";
import { formatInstant, formatPublished, shortHash } from "../lib/format";
import { visibleControls } from "../lib/text";
import { ClaimList } from "./ClaimList";
import { NeedsReview } from "./NeedsReview";
import { SuggestionList } from "./SuggestionList";

interface Props {
  id: string;
  article: Article | null;
  claims: ClaimsState;
  onShowClaim: (id: ClaimId) => void;
  onEditClaim: (id: ClaimId) => void;
  onEdited: (message: string, undoable: boolean) => void;
  /** The reader's text selection, for re-attaching a claim. */
  selection: Span | null;
  onClose: () => void;
}

const FORMAT_NAMES: Record<Article["origin"]["format"], string> = {
  text: "Plain text",
  markdown: "Markdown",
  html: "HTML",
  jsonl: "JSON lines",
  rss: "RSS feed",
  atom: "Atom feed",
};

export function DetailsPane({ id, article, claims, onShowClaim, onEditClaim, onEdited, selection, onClose }: Props) {
  return (
    <aside id={id} className="details-pane" data-testid="details-pane" aria-label="Details">
      <div className="pane-head">
        <h2 className="pane-title">Details</h2>
        <button type="button" className="icon-button" aria-label="Hide details" title="Hide details" onClick={onClose}>
          ×
        </button>
      </div>
      {article ? (
        <>
          <NeedsReview claims={claims.claims} selection={selection} onShow={(c) => onShowClaim(c.id)} onEdited={onEdited} />
          <ClaimList claims={claims.claims} error={claims.error} onShow={onShowClaim} onEdit={onEditClaim} onEdited={onEdited} />
          <SuggestionList onEdited={onEdited} onEditClaim={onEditClaim} />
          <Section title="Article">
            <Field name="Outlet" value={article.outlet} />
            <Field name="Author" value={article.author} />
            <Field name="Published" value={article.published && formatPublished(article.published)} />
            <Field name="Language" value={article.language} />
            <Field name="Address" value={article.url} wrap />
          </Section>
          <Section title="Source">
            <Field name="File" value={article.origin.path} wrap />
            <Field name="Format" value={FORMAT_NAMES[article.origin.format] ?? article.origin.format} />
            {article.origin.record !== null && <Field name="Record" value={`No. ${article.origin.record} in the file`} />}
            <Field name="Imported" value={formatInstant(article.imported_at)} />
            <Field name="Content hash" value={shortHash(article.content_hash)} title={article.content_hash} mono />
          </Section>
        </>
      ) : (
        <p className="details-empty">The details of the article you open appear here.</p>
      )}
    </aside>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="details-section">
      <h3 className="details-heading">{title}</h3>
      <dl className="details-list">{children}</dl>
    </section>
  );
}

interface FieldProps {
  name: string;
  value: string | null | undefined;
  title?: string;
  /** Long values without spaces (paths, addresses) break anywhere. */
  wrap?: boolean;
  mono?: boolean;
}

function Field({ name, value, title, wrap, mono }: FieldProps) {
  const classes = ["details-value", wrap ? "wrap" : "", mono ? "mono" : "", value ? "" : "missing"].filter(Boolean).join(" ");
  return (
    <div className="details-field">
      <dt>{name}</dt>
      <dd className={classes} title={title}>
        {value ? <bdi>{visibleControls(value)}</bdi> : "Not given"}
      </dd>
    </div>
  );
}
