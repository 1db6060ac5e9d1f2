// The body of the "not found" and "forbidden" pages: what happened, and the way home.
import Link from 'next/link';

export function ProblemPage({ title, body, homeLabel }: { title: string; body: string; homeLabel: string }) {
  return (
    <div>
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mt-4 max-w-2xl">{body}</p>
      <p className="mt-4">
        <Link href="/" className="text-blue-800 underline">
          {homeLabel}
        </Link>
      </p>
    </div>
  );
}
