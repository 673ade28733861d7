// The open article's attribution suggestions, outside React so that the
// reader (underlines) and the details pane (the list) share one state, and so
// that its rules can be unit tested: fetched after the article shows (never
// before its text), answers to an older article dropped, the list kept while
// it refreshes after an edit, and the focus moving on to the next suggestion
// when one is accepted or rejected.

import type { AcceptSuggestion, Article, AttributionSuggestion, Claim, CommandError, Span } from "./backend/bindings";

type ArticleId = Article["id"];
import { claimKindFor, contentExcerpt, fromSameSource, nextAfterRemoval, speakerLabel, stepKey, suggestionKey, suggestionRanges, type SuggestionRange } from "./suggestions";

export interface SuggestionsState {
  article: ArticleId | null;
  /** The content hash of the article version listed (a new version has other suggestions). */
  version: string | null;
  body: string;
  list: readonly AttributionSuggestion[];
  /** The list's marks as UTF-16 ranges of `body`. */
  ranges: readonly SuggestionRange[];
  /** Finding the first list for this version. */
  loading: boolean;
  error: CommandError | null;
  focused: string | null;
  /** Bumped each time the analyst moves the focus, so the reader scrolls to it once. */
  focusSeq: number;
  /** Accepting or rejecting. */
  busy: boolean;
  /** Why the last accept or reject failed. */
  actionError: CommandError | null;
  /** What was accepted last, to show it (`seq` tells two in a row apart). */
  accepted: { claims: Claim[]; source: string; seq: number } | null;
}

export interface SuggestionsBackend {
  suggestions(article: ArticleId): Promise<AttributionSuggestion[]>;
  acceptSuggestion(article: ArticleId, accept: AcceptSuggestion): Promise<Claim>;
  rejectSuggestion(article: ArticleId, cue: Span): Promise<void>;
}

/** What an accepted suggestion becomes unless the analyst edits it: unverified, credibility "cannot be judged". */
export const ACCEPTED_STATUS = "unverified" as const;
export const ACCEPTED_CREDIBILITY = 6;

const EMPTY: SuggestionsState = {
  article: null,
  version: null,
  body: "",
  list: [],
  ranges: [],
  loading: false,
  error: null,
  focused: null,
  focusSeq: 0,
  busy: false,
  actionError: null,
  accepted: null,
};

/** A done edit: what to say in the toast. */
export interface Done {
  message: string;
}

/** Text in quotation marks, unless it already starts with one (a quote's content). */
function quoted(text: string): string {
  return /^["“„«‘']/.test(text) ? text : `“${text}”`;
}

export class SuggestionsController {
  private state: SuggestionsState = EMPTY;
  private readonly listeners = new Set<() => void>();
  private sequence = 0;
  private token: unknown = undefined;
  private acceptedSeq = 0;

  /**
   * `afterPaint` runs a function once the article's text has been painted:
   * finding suggestions and marking them re-renders the whole body, which
   * must not delay the first screenful (the app passes `afterNextPaint`;
   * tests run it at once).
   */
  constructor(
    private readonly backend: SuggestionsBackend,
    private readonly afterPaint: (run: () => void) => void = (run) => run(),
  ) {}

  getState = (): SuggestionsState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * The reader shows `article` (or nothing). A new article or version is
   * listed afresh; the same one is fetched again when `token` changed (the
   * article's claims were reloaded after an edit, an undo or an import).
   * When `token` is the article's claims, the notice of what was accepted
   * last goes once none of those claims is among them.
   */
  sync(article: Pick<Article, "id" | "content_hash" | "body"> | null, token?: unknown): void {
    if (article === null) {
      this.sequence++;
      this.token = token;
      if (this.state.article !== null) this.set(EMPTY);
      return;
    }
    const same = this.state.article === article.id && this.state.version === article.content_hash;
    if (same && token === this.token) return;
    this.token = token;
    // The claims reloaded without those accepted last (undone, deleted): the notice about them goes.
    const { accepted } = this.state;
    if (same && accepted && Array.isArray(token)) {
      const ids = new Set(token.map((c: Pick<Claim, "id">) => c.id));
      if (!accepted.claims.some((c) => ids.has(c.id))) this.set({ accepted: null });
    }
    if (same) {
      this.fetch();
      return;
    }
    this.set({ ...EMPTY, article: article.id, version: article.content_hash, body: article.body, loading: true, focusSeq: this.state.focusSeq });
    const sequence = ++this.sequence;
    // Still the same article once painted (not closed, not another one opened meanwhile).
    this.afterPaint(() => {
      if (sequence === this.sequence) this.fetch();
    });
  }

  /** Fetches the list of the article shown again. */
  refresh(): void {
    if (this.state.article !== null) this.fetch();
  }

  focus(key: string | null): void {
    if (key !== null && !this.state.list.some((s) => suggestionKey(s) === key)) return;
    this.set({ focused: key, focusSeq: this.state.focusSeq + 1 });
  }

  /** Moves the focus to the next (1) or previous (-1) suggestion in reading order. */
  step(direction: 1 | -1): void {
    const next = stepKey(this.keys(), this.state.focused, direction);
    if (next !== null) this.focus(next);
  }

  focusedSuggestion(): AttributionSuggestion | null {
    return this.find(this.state.focused);
  }

  /** Records the suggestion `key` (the focused one by default) as a claim. */
  async accept(key = this.state.focused): Promise<Done | null> {
    const s = this.find(key);
    if (!s || this.state.busy || this.state.article === null) return null;
    if (!s.content) {
      this.set({ actionError: { code: "suggestion_without_content", message: "This suggestion has no content to record: select the text in the article and press C.", position: null } });
      return null;
    }
    const article = this.state.article;
    this.set({ busy: true, actionError: null });
    try {
      const claim = await this.backend.acceptSuggestion(article, this.acceptOf(s));
      if (this.state.article !== article) return null;
      const source = speakerLabel(s);
      this.removed([suggestionKey(s)], { busy: false, accepted: { claims: [claim], source, seq: ++this.acceptedSeq } });
      return { message: `Accepted ${quoted(contentExcerpt(this.state.body, s, 40) ?? "")} (${source})` };
    } catch (e) {
      this.failed(article, e as CommandError);
      return null;
    }
  }

  /** Accepts every suggestion from the same source as `key` (the focused one by default), in reading order. */
  async acceptAll(key = this.state.focused): Promise<Done | null> {
    const s = this.find(key);
    if (!s || this.state.busy || this.state.article === null) return null;
    const group = fromSameSource(this.state.list, s);
    if (group.length === 0) return null;
    const article = this.state.article;
    const source = speakerLabel(s);
    this.set({ busy: true, actionError: null });
    const claims: Claim[] = [];
    let error: CommandError | null = null;
    for (const one of group) {
      try {
        claims.push(await this.backend.acceptSuggestion(article, this.acceptOf(one)));
      } catch (e) {
        error = e as CommandError;
        break;
      }
      if (this.state.article !== article) return null;
    }
    const done = group.slice(0, claims.length).map(suggestionKey);
    this.removed(done, { busy: false, actionError: error, accepted: claims.length ? { claims, source, seq: ++this.acceptedSeq } : this.state.accepted });
    if (error) this.fetch();
    if (claims.length === 0) return null;
    return { message: `Accepted ${claims.length} ${claims.length === 1 ? "suggestion" : "suggestions"} from ${source}` };
  }

  /** Hides the suggestion `key` (the focused one by default) for good. */
  async reject(key = this.state.focused): Promise<Done | null> {
    const s = this.find(key);
    if (!s || this.state.busy || this.state.article === null) return null;
    const article = this.state.article;
    this.set({ busy: true, actionError: null });
    try {
      await this.backend.rejectSuggestion(article, s.cue);
      if (this.state.article !== article) return null;
      this.removed([suggestionKey(s)], { busy: false });
      const what = contentExcerpt(this.state.body, s, 40);
      return { message: what ? `Rejected ${quoted(what)} (${speakerLabel(s)})` : `Rejected the suggestion (${speakerLabel(s)})` };
    } catch (e) {
      this.failed(article, e as CommandError);
      return null;
    }
  }

  /** Forgets what was accepted last (its notice was closed). */
  dismissAccepted(): void {
    if (this.state.accepted) this.set({ accepted: null });
  }

  private acceptOf(s: AttributionSuggestion): AcceptSuggestion {
    return { cue: s.cue, kind: claimKindFor(this.state.body, s), status: ACCEPTED_STATUS, credibility: ACCEPTED_CREDIBILITY };
  }

  private failed(article: ArticleId, e: CommandError): void {
    if (this.state.article !== article) return;
    this.set({ busy: false, actionError: e });
    // Gone meanwhile (recorded or rejected elsewhere, a new version): list again.
    if (e.code === "suggestion_not_found" || e.code === "article_not_found") this.fetch();
  }

  /** Takes `gone` out of the list at once (the refresh after the edit confirms it) and moves the focus on. */
  private removed(gone: string[], patch: Partial<SuggestionsState>): void {
    // A list asked for before this edit would bring them back for a moment: drop it.
    this.sequence++;
    const before = this.keys();
    const goneSet = new Set(gone);
    const list = this.state.list.filter((s) => !goneSet.has(suggestionKey(s)));
    const focused = this.state.focused !== null && goneSet.has(this.state.focused) ? nextAfterRemoval(before, list.map(suggestionKey), this.state.focused) : this.state.focused;
    this.set({ ...patch, list, ranges: suggestionRanges(this.state.body, list), focused, focusSeq: this.state.focusSeq + (focused !== this.state.focused ? 1 : 0) });
  }

  private fetch(): void {
    const seq = ++this.sequence;
    const { article, version } = this.state;
    if (article === null) return;
    this.backend.suggestions(article).then(
      (list) => {
        if (seq !== this.sequence || this.state.article !== article || this.state.version !== version) return;
        const keys = list.map(suggestionKey);
        const focused = this.state.focused === null || keys.includes(this.state.focused) ? this.state.focused : nextAfterRemoval(this.keys(), keys, this.state.focused);
        this.set({ list, ranges: suggestionRanges(this.state.body, list), loading: false, error: null, focused });
      },
      (e: CommandError) => {
        if (seq !== this.sequence || this.state.article !== article) return;
        this.set({ loading: false, error: e });
      },
    );
  }

  private keys(): string[] {
    return this.state.list.map(suggestionKey);
  }

  private find(key: string | null): AttributionSuggestion | null {
    if (key === null) return null;
    return this.state.list.find((s) => suggestionKey(s) === key) ?? null;
  }

  private set(patch: Partial<SuggestionsState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }
}
