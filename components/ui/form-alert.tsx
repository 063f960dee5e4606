import { AlertIcon } from './icons';

/** A form's or a confirmation's refusal, in the server's words, announced as it appears. */
export function FormAlert({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="flex gap-2 rounded border border-bad/40 bg-bad-soft px-3 py-2 text-fg">
      <AlertIcon className="mt-0.5 shrink-0 text-bad" />
      <ul className="flex min-w-0 flex-col gap-0.5 break-words">
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
