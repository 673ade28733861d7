// Opening an article, outside React so that its timing rules can be unit
// tested. An answer usually comes within a few milliseconds; nothing on screen
// changes until it does, so the row, the reader and the details change in one
// frame. Painting a "loading" frame first cost a whole extra frame before the
// article (about 20 ms each where WebKit draws without a GPU). Only an answer
// slower than `QUIET_MS` shows the loading state meanwhile. Opening another
// article before the first arrives drops the first, so a quick run of
// arrow-and-Enter ends on the right article. The article's claims are asked
// for alongside it and arrive with it (lib/articleClaims.ts).

import type { ClaimsState } from "./articleClaims";
import type { ArticleView, CommandError } from "./backend/bindings";

type ArticleId = ArticleView["article"]["id"];

/** How long an opening article may take before the reader says it is loading. */
export const QUIET_MS = 150;

export interface ArticleState {
  /** The article shown; kept while the next one loads, to avoid a blank flash. */
  view: ArticleView | null;
  /** The article asked for, once the answer came or the wait became visible. */
  requested: ArticleId | null;
  loading: boolean;
  error: CommandError | null;
  /** The claims `view` opened with. */
  claims: ClaimsState | null;
}

/** An article and its claims, as one opening fetched them. */
export interface Opened {
  view: ArticleView;
  claims: ClaimsState;
}

export const NO_ARTICLE: ArticleState = { view: null, requested: null, loading: false, error: null, claims: null };

export interface OpenerHooks {
  fetch(id: ArticleId, query: string): Promise<Opened>;
  /** Applies a state change; called at most twice per opening (the wait made visible, then the answer). */
  update(change: (state: ArticleState) => ArticleState): void;
  toError(e: unknown): CommandError;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

export class ArticleOpener {
  private sequence = 0;
  private timer: unknown = null;

  constructor(private readonly hooks: OpenerHooks) {}

  /**
   * Opens article `id`; `alongside` (say, moving the list's selection to the
   * clicked row) runs just before the first visible change, in the same
   * batch of React updates, so that it paints in the same frame.
   */
  open(id: ArticleId, query: string, alongside?: () => void): void {
    const seq = ++this.sequence;
    this.cancelTimer();
    let shown = false;
    const show = (change: (state: ArticleState) => ArticleState) => {
      if (seq !== this.sequence) return;
      if (!shown) alongside?.();
      shown = true;
      this.hooks.update(change);
    };
    this.timer = this.hooks.setTimer(() => {
      this.timer = null;
      show((s) => ({ ...s, requested: id, loading: true, error: null }));
    }, QUIET_MS);
    this.hooks.fetch(id, query).then(
      ({ view, claims }) => {
        if (seq === this.sequence) this.cancelTimer();
        show(() => ({ view, requested: id, loading: false, error: null, claims }));
      },
      (e) => {
        if (seq === this.sequence) this.cancelTimer();
        show(() => ({ view: null, requested: id, loading: false, error: this.hooks.toError(e), claims: null }));
      },
    );
  }

  /** Stops the pending timer (the component is going away). */
  dispose(): void {
    this.sequence++;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.hooks.clearTimer(this.timer);
    this.timer = null;
  }
}
