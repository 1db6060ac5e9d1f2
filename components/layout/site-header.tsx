import Link from 'next/link';

export type NavLink = { href: string; label: string };

/** `accountLinks` (the signed-in user's own pages, e.g. changing the password) sit beside "Sign out", for every role. */
export function SiteHeader({
  appName,
  navLabel,
  links,
  user,
  signOutLabel,
  accountNavLabel,
  accountLinks = [],
}: {
  appName: string;
  navLabel: string;
  links: NavLink[];
  user: string | null;
  signOutLabel: string;
  accountNavLabel?: string;
  accountLinks?: NavLink[];
}) {
  return (
    <header className="bg-slate-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-white no-underline">
          {appName}
        </Link>
        {links.length > 0 ? (
          <nav aria-label={navLabel}>
            <ul className="flex flex-wrap gap-4">
              {links.map((l) => (
                <li key={l.href}>
                  <Link href={l.href} className="text-white underline underline-offset-4 hover:text-amber-200">
                    {l.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {user ? (
          <nav aria-label={accountNavLabel} className="flex items-center gap-4 text-sm">
            <span>{user}</span>
            {accountLinks.map((l) => (
              <Link key={l.href} href={l.href} className="text-white underline">
                {l.label}
              </Link>
            ))}
            <Link href="/sign-out" className="text-white underline">
              {signOutLabel}
            </Link>
          </nav>
        ) : null}
      </div>
    </header>
  );
}
