// Whether the data directory is open. The backend opens it in the background
// after the window shows, announcing progress and the outcome as events.

import { useEffect, useState } from "react";

import { deskStatus, onDeskStatus, onOpenProgress, toCommandError, type CommandError, type DeskStatus, type IndexProgress, type Unlisten } from "../lib/backend";
import { mark } from "../lib/perf";

export type DeskPhase =
  | { kind: "opening"; progress: IndexProgress | null }
  | { kind: "failed"; error: CommandError }
  | { kind: "ready"; dataDir: string | null };

export function useDesk(): DeskPhase {
  const [phase, setPhase] = useState<DeskPhase>({ kind: "opening", progress: null });

  useEffect(() => {
    let alive = true;
    const apply = (status: DeskStatus) => {
      if (!alive) return;
      if (status.ready) {
        mark("cd:desk:open");
        setPhase({ kind: "ready", dataDir: status.data_dir });
      } else if (status.error) setPhase({ kind: "failed", error: status.error });
    };
    const listening: Promise<Unlisten>[] = [
      onDeskStatus(apply),
      onOpenProgress((progress) => {
        if (alive) setPhase((p) => (p.kind === "opening" ? { kind: "opening", progress } : p));
      }),
    ];
    // Listen first, then ask: the status event may have fired before the
    // window loaded, or may fire between the two calls; either way one of
    // them reports it.
    Promise.all(listening)
      .then(() => deskStatus())
      .then(apply)
      .catch((e) => alive && setPhase({ kind: "failed", error: toCommandError(e) }));
    return () => {
      alive = false;
      listening.forEach((p) => p.then((unlisten) => unlisten(), () => {}));
    };
  }, []);

  return phase;
}
