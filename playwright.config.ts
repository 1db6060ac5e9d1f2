import { generateKeyPairSync } from 'node:crypto';
import { defineConfig } from '@playwright/test';
import { chromiumPath } from './tests/support/chromium';

// Run through `npm test`, which prepares a fresh seeded database and the build and passes
// E2E_DATABASE_URL / E2E_PORT. The app runs as in production (`next start`).
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// A fresh document-signing key per run (kept in the environment so that workers agree on it).
process.env.E2E_DOCUMENT_SIGNING_KEY ??= generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath() ?? undefined,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // Idle connections stay open 70 s (Node's default is 5 s): a request sent on a kept-alive socket
    // just as the server closes it fails with ECONNRESET.
    // The portal's own server (src/cli/serve.ts), as `npm start` runs it.
    command: `"${process.execPath}" --import tsx src/cli/serve.ts`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
      NEXTAUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
      NEXTAUTH_URL: baseURL,
      DOCUMENT_SIGNING_KEY: process.env.E2E_DOCUMENT_SIGNING_KEY,
      PAYMENT_TEST_GATEWAY: 'enabled',
      PAYMENT_GATEWAY_SECRET: 'e2e-gateway-secret-not-for-production-0123456789',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
    },
  },
});
