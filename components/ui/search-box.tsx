'use client';
// A search field that answers every keystroke locally and reports the text after a pause, so
// typing does not refetch or rewrite the URL per character.
import { useEffect, useRef, useState } from 'react';
import { inputClasses } from './field';
import { SearchIcon } from './icons';

const DEBOUNCE_MS = 250;

export function SearchBox({
  id,
  label,
  placeholder,
  value,
  onChange,
}: {
  id: string;
  label: string;
  placeholder?: string;
  value: string;
  onChange: (text: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [previousValue, setPreviousValue] = useState(value);
  const [sent, setSent] = useState(value);
  const timer = useRef<number | undefined>(undefined);

  // A change from outside (Clear filters, back button) replaces what is typed; the echo of our
  // own report does not.
  if (value !== previousValue) {
    setPreviousValue(value);
    if (value !== sent) setDraft(value);
  }

  useEffect(() => () => window.clearTimeout(timer.current), []);

  function handleChange(text: string) {
    setDraft(text);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      setSent(text);
      onChange(text);
    }, DEBOUNCE_MS);
  }

  return (
    <div className="relative w-64 max-w-full">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2 -translate-y-1/2 text-fg-subtle" />
      <input
        id={id}
        type="search"
        value={draft}
        onChange={(event) => handleChange(event.target.value)}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        className={`${inputClasses()} pl-7`}
      />
    </div>
  );
}
