import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The Chromium the end-to-end tests drive: CHROMIUM_PATH, or the first system one found. */
export function chromiumPath(): string | null {
  const given = process.env.CHROMIUM_PATH;
  if (given) return existsSync(given) ? given : null;
  return CANDIDATES.find((c) => existsSync(c)) ?? null;
}

export const CHROMIUM_HELP =
  'No Chromium was found for the end-to-end tests. Install one, e.g. on Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium — or point CHROMIUM_PATH at a Chromium/Chrome binary. (.ci/run installs it automatically.)';
