// The control's findings on check-your-answers: each one a link to the field to correct.
export function ProblemList({
  title,
  problems,
}: {
  title: string;
  problems: Array<{ href: string; message: string }>;
}) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" aria-labelledby="problems-title" className="mb-6 border-4 border-red-700 bg-white p-4">
      <h2 id="problems-title" className="text-lg font-bold">
        {title}
      </h2>
      <ul className="mt-2 space-y-1">
        {problems.map((p, i) => (
          <li key={i}>
            <a href={p.href} className="font-medium text-red-700 underline">
              {p.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
