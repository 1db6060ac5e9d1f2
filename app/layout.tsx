import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { SiteHeader, type NavLink } from '@/components/layout/site-header';
import { getActor } from '@/src/server/auth/session';
import type { Role } from '@/lib/auth/roles';
import { assertFinanceOfficer } from '@/src/server/payments/refunds';
import { isTestGatewayEnabled } from '@/src/server/payments/gateway/config';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return {
    title: { default: t('name'), template: `%s — ${t('name')}` },
    description: t('tagline'),
    manifest: '/manifest.webmanifest',
    icons: { icon: '/favicon.ico', apple: '/icon-192.png' },
    // Private pages are never indexed (robots.txt says the same for every crawler).
    robots: { index: false, follow: false },
  };
}

/** The finance desk is shown only to supervisors who hold the finance permission (re-read now). */
async function canDecideRefunds(actor: Awaited<ReturnType<typeof getActor>>): Promise<boolean> {
  if (actor?.role !== 'SUPERVISOR') return false;
  return assertFinanceOfficer(actor).then(
    () => true,
    () => false,
  );
}

async function navFor(role: Role | undefined, financeDesk: boolean): Promise<NavLink[]> {
  const t = await getTranslations('nav');
  switch (role) {
    case 'TRADER':
      return [
        { href: '/trader', label: t('account') },
        { href: '/trader/declarations/new', label: t('newDeclaration') },
        { href: '/trader/permits', label: t('permits') },
        { href: '/trader/account', label: t('payments') },
      ];
    case 'INSPECTOR':
      return [
        { href: '/officer', label: t('queue') },
        { href: '/officer/audits', label: t('audits') },
      ];
    case 'SUPERVISOR':
      return [
        { href: '/officer', label: t('queue') },
        { href: '/officer/audits', label: t('audits') },
        { href: '/officer/risk', label: t('risk') },
        { href: '/officer/statistics', label: t('statistics') },
        ...(financeDesk ? [{ href: '/officer/refunds', label: t('refunds') }] : []),
      ];
    case 'AGENCY_OFFICER':
      return [
        { href: '/agency', label: t('permitDesk') },
        { href: '/agency/permits', label: t('issuedPermits') },
      ];
    case 'ADMIN':
      return [
        { href: '/admin', label: t('referenceData') },
        { href: '/admin/permit-types', label: t('permitCatalogue') },
        { href: '/admin/statistics', label: t('statistics') },
        { href: '/admin/settings', label: t('serviceSettings') },
      ];
    default:
      return [];
  }
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('app');
  const tr = await getTranslations('roles');
  const ta = await getTranslations('account');
  const actor = await getActor();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-amber-300 focus:px-3 focus:py-2 focus:text-slate-900"
        >
          {t('skipToContent')}
        </a>
        {isTestGatewayEnabled() && (
          <aside
            aria-label={t('testPaymentsLabel')}
            className="bg-amber-300 px-4 py-2 text-center text-sm font-semibold text-slate-950"
          >
            {t('testPaymentsBanner')}
          </aside>
        )}
        <NextIntlClientProvider>
          <SiteHeader
            appName={t('name')}
            navLabel={t('mainNavigation')}
            links={await navFor(actor?.role, await canDecideRefunds(actor))}
            user={actor ? t('signedInAs', { name: actor.name, role: tr(actor.role) }) : null}
            signOutLabel={t('signOut')}
            accountNavLabel={ta('navLabel')}
            accountLinks={actor ? [{ href: '/account/password', label: ta('nav') }] : []}
          />
          <main id="main" className="mx-auto max-w-6xl px-4 py-8">
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
