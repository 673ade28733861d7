// The active facet filters as removable chips.

import type { Filter } from "../lib/query";
import { visibleControls } from "../lib/text";

interface Props {
  filters: readonly Filter[];
  onRemove: (filter: Filter) => void;
}

const FIELD_NAMES = { outlet: "Outlet", published: "Year" } as const;

export function FilterChips({ filters, onRemove }: Props) {
  if (filters.length === 0) return null;
  return (
    <ul className="chips" aria-label="Active filters">
      {filters.map((filter) => {
        const label = `${FIELD_NAMES[filter.field]}: ${visibleControls(filter.value)}`;
        return (
          <li key={`${filter.field}:${filter.value}`} className="chip" data-testid="filter-chip">
            <span dir="auto">{label}</span>
            <button type="button" className="chip-remove" aria-label={`Remove filter ${label}`} onClick={() => onRemove(filter)}>
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
