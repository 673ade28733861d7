// Facet counts of the current results: clicking one narrows the search to it.

import { useState } from "react";

import type { FacetCount } from "../lib/backend";
import { formatCount } from "../lib/format";
import { sameFilter, type Filter, type FilterField } from "../lib/query";
import { visibleControls } from "../lib/text";

interface Props {
  field: FilterField;
  title: string;
  counts: readonly FacetCount[];
  active: readonly Filter[];
  /** How many values show before "more". */
  initial: number;
  onAdd: (filter: Filter) => void;
}

export function FacetList({ field, title, counts, active, initial, onAdd }: Props) {
  const [expanded, setExpanded] = useState(false);
  const available = counts.filter((c) => !active.some((f) => sameFilter(f, { field, value: c.value })));
  if (available.length === 0) return null;
  const shown = expanded ? available : available.slice(0, initial);
  const testId = field === "outlet" ? "facet-outlet" : "facet-year";
  return (
    <div className="facet" role="group" aria-label={`Filter by ${title.toLowerCase()}`}>
      <span className="facet-title">{title}</span>
      <div className="facet-values">
        {shown.map((c) => (
          <button
            key={c.value}
            type="button"
            className="facet-value"
            data-testid={testId}
            data-value={c.value}
            onClick={() => onAdd({ field, value: c.value })}
            aria-label={`${c.value}: ${formatCount(c.count)} articles. Filter by it`}
          >
            <span className="facet-name" dir="auto">
              {visibleControls(c.value)}
            </span>
            <span className="facet-count">{formatCount(c.count)}</span>
          </button>
        ))}
        {available.length > initial && (
          <button type="button" className="facet-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? "Fewer" : `${available.length - initial} more`}
          </button>
        )}
      </div>
    </div>
  );
}
