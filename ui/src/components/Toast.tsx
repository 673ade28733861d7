// A short message at the bottom of the window ("Undone: Add claim …") that
// goes away by itself.

import { useEffect } from "react";

export interface ToastMessage {
  text: string;
  /** Tells two equal messages in a row apart, so each shows for its full time. */
  key: number;
  /** A button beside the text, such as Undo. */
  action?: { label: string; run: () => void };
}

interface Props {
  message: ToastMessage;
  onDone: () => void;
}

const SHOW_MS = 4000;
/** Long enough to reach for Undo. */
const SHOW_WITH_ACTION_MS = 8000;

export function Toast({ message, onDone }: Props) {
  useEffect(() => {
    const timer = setTimeout(onDone, message.action ? SHOW_WITH_ACTION_MS : SHOW_MS);
    return () => clearTimeout(timer);
  }, [message, onDone]);
  return (
    <div className="toast" data-testid="toast" role="status">
      <span>{message.text}</span>
      {message.action && (
        <button
          type="button"
          className="button small toast-action"
          data-testid="toast-undo"
          onClick={() => {
            message.action?.run();
            onDone();
          }}
        >
          {message.action.label}
        </button>
      )}
    </div>
  );
}
