'use client';
// The relationship's name on the options step: optional, with the name the array would give as
// the placeholder, checked as typed with the engine's rule; a name the server refused (taken on the
// array) shows here too. Several pairs at once each take the array's default: the field is not
// offered then, and the row says so.
import { inputClasses } from '@/components/ui/field';
import { NAME_RULE_HINT } from '@/lib/client/object-names';
import { DraftInput } from './draft-input';

const ID = 'wizard-copy-name';

export function NameRow({
  bulk,
  value,
  onChange,
  error,
  defaultName,
  defaultKnown,
}: {
  bulk: boolean;
  value: string;
  onChange: (text: string) => void;
  /** The rule's or the server's message, as a sentence. */
  error: string | undefined;
  /** The array's default for this relationship ("fcmap3"), or its pattern ("fcmapN") when not known. */
  defaultName: string;
  defaultKnown: boolean;
}) {
  if (bulk) {
    return (
      <div className="grid grid-cols-[12rem_minmax(0,1fr)] items-start gap-x-4 gap-y-1 border-b border-line py-2.5" data-testid="option-name">
        <span className="text-xs font-medium text-fg">Names</span>
        <p id={`${ID}-hint`} className="text-xs text-fg-subtle">
          Not chosen in bulk: each new copy gets its array’s default name, <span className="font-mono">{defaultName}</span> with the smallest number free on the
          array. Rename any of them afterwards from its page.
        </p>
      </div>
    );
  }
  const described = [error ? `${ID}-error` : null, `${ID}-hint`].filter(Boolean).join(' ');
  return (
    <div className="grid grid-cols-[12rem_minmax(0,1fr)] items-start gap-x-4 gap-y-1 border-b border-line py-2.5" data-testid="option-name">
      <label htmlFor={ID} className="pt-1.5 text-xs font-medium text-fg">
        Name <span className="font-normal text-fg-subtle">(optional)</span>
      </label>
      <div className="flex min-w-0 flex-col gap-1">
        <DraftInput
          id={ID}
          value={value}
          onValueChange={onChange}
          placeholder={defaultKnown ? `${defaultName} (default)` : `default: ${defaultName}`}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error !== undefined || undefined}
          aria-describedby={described}
          className={`${inputClasses(error !== undefined)} w-72! max-w-full font-mono text-xs`}
        />
        {error && (
          <p id={`${ID}-error`} className="text-xs text-bad">
            {error}
          </p>
        )}
        <p id={`${ID}-hint`} className="text-xs text-fg-subtle">
          Leave it empty for the array’s default. {NAME_RULE_HINT}
        </p>
      </div>
    </div>
  );
}
