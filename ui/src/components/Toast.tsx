// A short message at the bottom of the window ("Undone: Add claim …") that
// goes away by itself.

import { useEffect } from "react";

export interface ToastMessage {
  text: string;
  /** Tells two equal messages in a row apart, so each shows for its full time. */
  key: number;
}

interface Props {
  message: ToastMessage;
  onDone: () => void;
}

const SHOW_MS = 4000;

export function Toast({ message, onDone }: Props) {
  useEffect(() => {
    const timer = setTimeout(onDone, SHOW_MS);
    return () => clearTimeout(timer);
  }, [message, onDone]);
  return (
    <div className="toast" data-testid="toast" role="status">
      {message.text}
    </div>
  );
}
