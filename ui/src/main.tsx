import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./components/App";
import { mark } from "./lib/perf";
import "./styles/theme.css";
import "./styles/layout.css";
import "./styles/search.css";
import "./styles/reader.css";
import "./styles/details.css";
import "./styles/import.css";
import "./styles/screens.css";
import "./styles/claims.css";
import "./styles/suggestions.css";
import "./styles/views.css";

// For the UI benchmark: the bundle is loaded and runs (ms since navigation start).
mark("cd:boot");

// The window shows only this app: no link may navigate it (web links open in
// the system browser through the opener plugin), and a file dropped outside
// Tauri's own drop handling must not replace the page.
const stay = (e: Event) => {
  if (e.target instanceof Element && e.target.closest("a[href]")) e.preventDefault();
};
document.addEventListener("click", stay, true);
document.addEventListener("auxclick", stay, true);
window.addEventListener("dragover", (e) => e.preventDefault());
window.addEventListener("drop", (e) => e.preventDefault());

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
