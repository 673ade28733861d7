// The article's web address. A web address opens in the system browser and
// never in this window; anything else (`javascript:`, `file:`) is shown as
// inert text, because it is data from the article, not a destination.

import { openExternal } from "../lib/backend";
import { isWebAddress } from "../lib/links";
import { visibleControls } from "../lib/text";

export function ReaderLink({ url }: { url: string }) {
  const text = visibleControls(url);
  if (!isWebAddress(url)) {
    return (
      <span className="reader-link inert" data-testid="reader-link" title="Not a web address, so it is not opened">
        {text}
      </span>
    );
  }
  return (
    <a
      className="reader-link"
      data-testid="reader-link"
      href={url}
      rel="noreferrer noopener"
      title="Open in your browser"
      onClick={(e) => {
        e.preventDefault();
        // Failing to start a browser leaves the address on screen to copy.
        openExternal(url).catch(() => {});
      }}
    >
      {text}
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}
