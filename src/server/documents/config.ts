// Where the public verification page lives, for the absolute URL in the QR code.
export const DEFAULT_PUBLIC_BASE_URL = 'http://localhost:3000';

export function publicBaseUrl(): string {
  const base = process.env.PUBLIC_BASE_URL?.trim() || process.env.NEXTAUTH_URL?.trim() || DEFAULT_PUBLIC_BASE_URL;
  return base.replace(/\/+$/, '');
}
