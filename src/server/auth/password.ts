import { hash, verify } from '@node-rs/argon2';

// argon2id with the library defaults (m = 19 MiB, t = 2, p = 1: the OWASP minimum).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the account does not exist keeps the timing the same. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$fFhx15NGu4ZutF5o0kGVWQ$G1cperQ6qHI6fDhiK8ZC2ktX3w+fCWRLiE2B99/5IuY';
