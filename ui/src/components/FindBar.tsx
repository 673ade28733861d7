// Find in the open article: Enter and Shift+Enter step through the matches,
// Escape closes.

import { useEffect, useRef, type KeyboardEvent } from "react";

import { formatCount } from "../lib/format";

interface Props {
  value: string;
  count: number;
  truncated: boolean;
  current: number;
  /** Bumped to focus the field again (Ctrl+F while open). */
  focusKey: number;
  onChange: (value: string) => void;
  onStep: (direction: 1 | -1) => void;
  onClose: () => void;
}

export function FindBar({ value, count, truncated, current, focusKey, onChange, onStep, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusKey]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter") {
      e.preventDefault();
      onStep(e.shiftKey ? -1 : 1);
    } else if (e.key === "Escape") {
      e.preventDefault();
      onClose();
    }
  };

  let status = "";
  if (value !== "") status = count === 0 ? "No matches" : `${formatCount(current + 1)} of ${formatCount(count)}${truncated ? "+" : ""}`;

  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={input}
        type="text"
        data-testid="find-input"
        className="find-input"
        placeholder="Find in article"
        aria-label="Find in article"
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="find-count" data-testid="find-count" role="status">
        {status}
      </span>
      <button type="button" className="icon-button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={count === 0} onClick={() => onStep(-1)}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label="Next match" title="Next match (Enter)" disabled={count === 0} onClick={() => onStep(1)}>
        ↓
      </button>
      <button type="button" className="icon-button" aria-label="Close find" title="Close (Esc)" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
