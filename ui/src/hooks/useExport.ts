// One export at a time: its progress while it runs (records written, and how
// many to expect when that can be known), then its summary or its error.
// An export cannot be stopped; it goes on when the dialog is closed.

import { useCallback, useEffect, useRef, useState } from "react";

import {
  claimPage,
  exportClaims,
  toCommandError,
  type ClaimQuery,
  type CommandError,
  type ExportRequest,
  type ExportSummary,
} from "../lib/backend";

export type ExportState =
  | { phase: "idle" }
  | { phase: "running"; request: ExportRequest; written: number; expected: number | null }
  | { phase: "finished"; request: ExportRequest; summary: ExportSummary }
  | { phase: "failed"; request: ExportRequest; error: CommandError };

export interface Exporter {
  state: ExportState;
  /** `total`: a claims view query whose total is the number of records to expect, if known. */
  start(request: ExportRequest, total: ClaimQuery | null): void;
  /** Back to the form (after a summary or an error). */
  reset(): void;
}

/** `onEnded` runs when an export ends, however it ended. */
export function useExport(onEnded?: (state: ExportState) => void): Exporter {
  const [state, setState] = useState<ExportState>({ phase: "idle" });
  const running = useRef(false);
  const ended = useRef(onEnded);
  useEffect(() => {
    ended.current = onEnded;
  }, [onEnded]);

  const start = useCallback((request: ExportRequest, total: ClaimQuery | null) => {
    if (running.current) return;
    running.current = true;
    setState({ phase: "running", request, written: 0, expected: null });
    if (total) {
      claimPage(total).then(
        (page) => setState((s) => (s.phase === "running" && s.request === request ? { ...s, expected: page.total } : s)),
        () => {},
      );
    }
    const onProgress = ({ written }: { written: number }) =>
      setState((s) => (s.phase === "running" && s.request === request ? { ...s, written } : s));
    exportClaims(request, onProgress).then(
      (summary) => finish({ phase: "finished", request, summary }),
      (e) => finish({ phase: "failed", request, error: toCommandError(e) }),
    );
    function finish(next: ExportState) {
      running.current = false;
      setState(next);
      ended.current?.(next);
    }
  }, []);

  const reset = useCallback(() => {
    setState((s) => (s.phase === "running" ? s : { phase: "idle" }));
  }, []);

  return { state, start, reset };
}
