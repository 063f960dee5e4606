'use client';
// A text input whose value lives in the URL. The URL's echo of a keystroke arrives a moment
// later (the router applies it in a transition), so the input shows its own draft: echoes of
// what was typed are ignored, and only a change from elsewhere (Back, a reset) replaces it.
// Bound straight to the URL, fast typing would lose characters to stale echoes.
import { useState, type InputHTMLAttributes } from 'react';

/** How many recent keystrokes' echoes are recognised as our own. */
const ECHOES_KEPT = 64;

export function DraftInput({
  value,
  onValueChange,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & { value: string; onValueChange: (text: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [previous, setPrevious] = useState(value);
  const [sent, setSent] = useState<readonly string[]>([]);
  if (value !== previous) {
    setPrevious(value);
    if (!sent.includes(value)) setDraft(value);
  }
  return (
    <input
      {...props}
      value={draft}
      onChange={(event) => {
        const text = event.target.value;
        setDraft(text);
        setSent((earlier) => [...earlier.slice(-ECHOES_KEPT + 1), text]);
        onValueChange(text);
      }}
    />
  );
}
