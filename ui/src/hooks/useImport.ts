// One import at a time, in the background: its progress while it runs, its
// summary (or the error that stopped it) once it ends.

import { useCallback, useEffect, useRef, useState } from "react";

import {
  cancelImport,
  importPaths,
  importSamples,
  toCommandError,
  type CommandError,
  type ImportProgress,
  type ImportSummary,
} from "../lib/backend";

export type ImportJob = { kind: "paths"; paths: string[] } | { kind: "samples" };

export type ImportState =
  | { phase: "idle" }
  | { phase: "running"; job: ImportJob; progress: ImportProgress | null; cancelling: boolean }
  | { phase: "finished"; job: ImportJob; summary: ImportSummary }
  | { phase: "failed"; job: ImportJob; error: CommandError };

/** Progress arrives after every file; the screen needs it no more often than this. */
const PROGRESS_INTERVAL_MS = 100;

export interface Importer {
  state: ImportState;
  start(job: ImportJob): void;
  cancel(): void;
  dismiss(): void;
}

/** `onFinished` runs after every import, however it ended. */
export function useImport(onFinished: () => void): Importer {
  const [state, setState] = useState<ImportState>({ phase: "idle" });
  const running = useRef(false);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);

  const start = useCallback((job: ImportJob) => {
    if (running.current) return;
    running.current = true;
    setState({ phase: "running", job, progress: null, cancelling: false });
    let latest: ImportProgress | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const progress = latest;
      setState((s) => (s.phase === "running" ? { ...s, progress } : s));
    };
    const onProgress = (progress: ImportProgress) => {
      latest = progress;
      timer ??= setTimeout(flush, PROGRESS_INTERVAL_MS);
    };
    const work = job.kind === "samples" ? importSamples(onProgress) : importPaths(job.paths, onProgress);
    work
      .then(
        (summary) => setState({ phase: "finished", job, summary }),
        (e) => setState({ phase: "failed", job, error: toCommandError(e) }),
      )
      .finally(() => {
        clearTimeout(timer);
        running.current = false;
        finished.current();
      });
  }, []);

  const cancel = useCallback(() => {
    setState((s) => (s.phase === "running" ? { ...s, cancelling: true } : s));
    // If the cancel cannot be delivered the import simply runs to its end.
    cancelImport().catch(() => {});
  }, []);

  const dismiss = useCallback(() => {
    setState((s) => (s.phase === "running" ? s : { phase: "idle" }));
  }, []);

  return { state, start, cancel, dismiss };
}
