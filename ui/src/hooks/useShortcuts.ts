// Window-wide keyboard shortcuts. Single keys such as `/` act only when the
// person is not typing in a field, where the key must type itself.

import { useEffect, useRef } from "react";

export interface Shortcuts {
  focusSearch?: () => void;
  openImport?: () => void;
  /** Ctrl+E: the Export… dialog. */
  openExport?: () => void;
  find?: () => void;
  /** Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y), outside text fields, where they edit the text. */
  undo?: () => void;
  redo?: () => void;
  /** Ctrl+1, Ctrl+2, Ctrl+3: the desk, the claims view, the sources view. */
  view?: (index: 1 | 2 | 3) => void;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !["button", "checkbox", "radio", "submit", "reset", "range"].includes(target.type);
}

export function useShortcuts(shortcuts: Shortcuts): void {
  const current = useRef(shortcuts);
  useEffect(() => {
    current.current = shortcuts;
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { focusSearch, openImport, openExport, find, undo, redo, view } = current.current;
      const mod = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
      const key = e.key.toLowerCase();
      let action: (() => void) | undefined;
      if (mod && key === "k") action = focusSearch;
      else if (mod && key === "o") action = openImport;
      else if (mod && key === "e") action = openExport;
      else if (mod && key === "f") action = find;
      else if (mod && (e.key === "1" || e.key === "2" || e.key === "3")) action = view && (() => view(Number(e.key) as 1 | 2 | 3));
      else if ((e.ctrlKey || e.metaKey) && !e.altKey && !isTypingTarget(e.target) && (key === "z" || key === "y"))
        action = e.shiftKey || key === "y" ? redo : undo;
      else if (e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target)) action = focusSearch;
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
