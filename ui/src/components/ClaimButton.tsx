// The "Claim" button that appears by a selection in the reader.

interface Props {
  top: number;
  left: number;
  onClick: () => void;
}

export function ClaimButton({ top, left, onClick }: Props) {
  return (
    <button
      type="button"
      className="button small claim-button"
      data-testid="claim-button"
      title="Tag the selection as a claim (C)"
      style={{ top, left }}
      // Keeps the selection: a mousedown on a button would otherwise clear it first.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      Claim <kbd>C</kbd>
    </button>
  );
}
