// The claim form's source field: type-ahead over source names and aliases.
// Arrow keys move through the options, Enter picks one; the last option
// creates a new source with the typed name (its kind chosen beside it).

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

import { findSources, type Source, type SourceKind } from "../lib/backend";
import { SOURCE_KINDS } from "../lib/sources";
import { visibleControls } from "../lib/text";

export type SourceChoice = { kind: "existing"; source: Source } | { kind: "new"; name: string; sourceKind: SourceKind } | null;

export { SOURCE_KINDS };

interface Props {
  choice: SourceChoice;
  onChange: (choice: SourceChoice) => void;
  /** Enter with nothing to pick: the form saves. */
  onSubmit: () => void;
  /** Prefix of the data-testids (`<testId>-input`, `<testId>-option`, `<testId>-kind`). */
  testId?: string;
  /** Offer "Create “X” as a new source" (off for filters and merges). */
  allowCreate?: boolean;
  /** A source not to offer (the one being merged into). */
  exclude?: number;
  label?: string;
  placeholder?: string;
  autoFocus?: boolean;
}

type Option = { kind: "existing"; source: Source } | { kind: "create"; name: string };

export function SourcePicker({
  choice,
  onChange,
  onSubmit,
  testId = "claim-source",
  allowCreate = true,
  exclude,
  label = "Source",
  placeholder = "Who says it? (optional)",
  autoFocus,
}: Props) {
  const listId = useId();
  const [text, setText] = useState(choice?.kind === "existing" ? choice.source.name : choice?.name ?? "");
  const [found, setFound] = useState<Source[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const sequence = useRef(0);

  useEffect(() => {
    if (!open) return;
    const seq = ++sequence.current;
    const timer = setTimeout(() => {
      findSources(text).then(
        (sources) => seq === sequence.current && setFound(sources),
        () => seq === sequence.current && setFound([]),
      );
    }, 80);
    return () => clearTimeout(timer);
  }, [text, open]);

  const name = text.trim();
  const exact = found.some((s) => s.name.toLowerCase() === name.toLowerCase());
  const options: Option[] = [
    ...found.filter((source) => source.id !== exclude).map((source): Option => ({ kind: "existing", source })),
    ...(allowCreate && name && !exact ? [{ kind: "create", name } as Option] : []),
  ];
  const activeIndex = Math.min(active, options.length - 1);

  const pick = (option: Option) => {
    if (option.kind === "existing") {
      onChange({ kind: "existing", source: option.source });
      setText(option.source.name);
    } else {
      onChange({ kind: "new", name: option.name, sourceKind: "person" });
    }
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) setOpen(true);
      else if (options.length > 0) setActive((activeIndex + (e.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
    } else if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (open && activeIndex >= 0 && options[activeIndex]) pick(options[activeIndex]);
      else onSubmit();
    } else if (e.key === "Escape" && open) {
      // Closes the list only; a second Escape cancels the form.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="source-picker">
      <input
        type="text"
        role="combobox"
        data-testid={`${testId}-input`}
        className="claim-input"
        aria-label={label}
        autoFocus={autoFocus}
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          if (choice) onChange(null);
        }}
        onFocus={() => setOpen(choice === null)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && options.length > 0 && (
        <ul id={listId} role="listbox" className="source-options" aria-label="Sources">
          {options.map((option, i) => (
            <li
              key={option.kind === "existing" ? option.source.id : "create"}
              id={`${listId}-${i}`}
              role="option"
              data-testid={`${testId}-option`}
              aria-selected={i === activeIndex}
              className={`source-option${i === activeIndex ? " active" : ""}${option.kind === "create" ? " create" : ""}`}
              // Picking on mousedown keeps the focus (and the list) in the field.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(option);
              }}
            >
              {option.kind === "existing" ? (
                <>
                  <bdi>{visibleControls(option.source.name)}</bdi>
                  {matchedAlias(option.source, name) && <span className="source-alias"> (also “{visibleControls(matchedAlias(option.source, name) ?? "")}”)</span>}
                </>
              ) : (
                <>Create “<bdi>{visibleControls(option.name)}</bdi>” as a new source</>
              )}
            </li>
          ))}
        </ul>
      )}
      {choice?.kind === "new" && (
        <label className="claim-field inline">
          <span>New source kind</span>
          <select
            data-testid={`${testId}-kind`}
            value={choice.sourceKind}
            onChange={(e) => onChange({ ...choice, sourceKind: e.target.value as SourceKind })}
          >
            {SOURCE_KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

/** The alias that matched the typed text, when the name itself did not. */
function matchedAlias(source: Source, typed: string): string | null {
  const t = typed.toLowerCase();
  if (!t || source.name.toLowerCase().includes(t)) return null;
  return source.aliases.find((a) => a.toLowerCase().includes(t)) ?? null;
}
