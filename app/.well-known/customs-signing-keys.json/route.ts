import { NextResponse } from 'next/server';
import { errorResponse } from '@/src/server/http';
import { listSigningKeys } from '@/src/server/documents/keys';

// Always read from the database: a key published a moment ago must be listed.
export const dynamic = 'force-dynamic';

/** GET /.well-known/customs-signing-keys.json — the public keys of signed documents. Public. */
export async function GET(): Promise<Response> {
  try {
    const keys = await listSigningKeys();
    return NextResponse.json(
      {
        keys: keys.map((k) => ({
          keyId: k.keyId,
          algorithm: k.algorithm,
          publicKeyPem: k.publicKeyPem,
          createdAt: k.createdAt,
          retiredAt: k.retiredAt,
        })),
      },
      { headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' } },
    );
  } catch (e) {
    return errorResponse(e);
  }
}
