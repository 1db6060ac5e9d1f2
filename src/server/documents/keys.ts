// The public halves of the document-signing keys: published in SigningKey (and at
// /.well-known/customs-signing-keys.json) the first time a document is signed with the key.
import { db, type Tx } from '../db';
import { writeAudit } from '../audit';
import type { DocumentSigningKey } from './signature';
import { SIGNATURE_ALGORITHM } from '@/lib/documents/envelope';

/** Publish the key's public half, once. Call it in the transaction that signs with the key. */
export async function registerSigningKey(tx: Tx, key: DocumentSigningKey, now: Date): Promise<void> {
  const { count } = await tx.signingKey.createMany({
    data: [{ keyId: key.keyId, algorithm: SIGNATURE_ALGORITHM, publicKey: key.publicKeyPem, createdAt: now }],
    skipDuplicates: true,
  });
  if (count > 0) {
    await writeAudit(tx, {
      actor: null,
      action: 'signing-key.register',
      entityType: 'SigningKey',
      entityId: key.keyId,
      data: { algorithm: SIGNATURE_ALGORITHM },
      at: now,
    });
  }
}

export type PublishedSigningKey = {
  keyId: string;
  algorithm: string;
  publicKeyPem: string;
  createdAt: string;
  retiredAt: string | null;
};

/** Every public key documents were ever signed with (a retired key still verifies its documents). Public. */
export async function listSigningKeys(): Promise<PublishedSigningKey[]> {
  const keys = await db.signingKey.findMany({ orderBy: [{ createdAt: 'asc' }, { keyId: 'asc' }] });
  return keys.map((k) => ({
    keyId: k.keyId,
    algorithm: k.algorithm,
    publicKeyPem: k.publicKey,
    createdAt: k.createdAt.toISOString(),
    retiredAt: k.retiredAt?.toISOString() ?? null,
  }));
}
