import Link from 'next/link';

/** Says that a declaration is a copy and of which one (with a link to it), and, for a draft, what to check. */
export function CopiedFromNotice({
  text,
  link,
  check,
}: {
  text: string;
  link?: { href: string; label: string };
  check?: string;
}) {
  return (
    <div className="mb-6 border-l-4 border-blue-700 bg-blue-50 p-3">
      <p>
        {text}
        {link ? (
          <>
            {' '}
            <Link href={link.href} className="text-blue-800 underline">
              {link.label}
            </Link>
          </>
        ) : null}
      </p>
      {check ? <p className="mt-1">{check}</p> : null}
    </div>
  );
}
