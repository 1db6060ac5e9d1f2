// The questions and answers between the authority and the trader, oldest first.
export type ThreadMessage = { id: string; who: string; at: string; body: string };

export function MessageThread({ messages, empty, label }: { messages: ThreadMessage[]; empty: string; label: string }) {
  if (messages.length === 0) return <p>{empty}</p>;
  return (
    <ol aria-label={label} className="space-y-3">
      {messages.map((m) => (
        <li key={m.id} className="rounded border border-slate-300 bg-white p-3">
          <p className="text-sm text-slate-700">
            <span className="font-semibold text-slate-900">{m.who}</span>, {m.at}
          </p>
          <p className="mt-1 whitespace-pre-line">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}
