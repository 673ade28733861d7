// The window: opening the desk, a failure to open it, or the desk itself.

import { useDesk } from "../hooks/useDesk";
import { Desk } from "./Desk";
import { DeskError } from "./DeskError";
import { DeskLoading } from "./DeskLoading";

export function App() {
  const desk = useDesk();
  if (desk.kind === "opening") return <DeskLoading progress={desk.progress} />;
  if (desk.kind === "failed") return <DeskError error={desk.error} />;
  return <Desk />;
}
