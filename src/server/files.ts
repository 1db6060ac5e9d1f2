// Uploaded files — the documents of a declaration and of a permit application: checked by content
// (PDF, JPEG or PNG, not empty, at most 10 MB, never judged by the name), kept in the database
// under the uploading company, and served back inline. Who may read a file is decided by the use
// case that finds it (readDeclarationFile, readApplicationFile), never here.
import { createHash } from 'node:crypto';
import type { Tx } from './db';
import type { TraderActor } from './actor';
import { AppError } from '@/lib/errors';
import { sniffUpload, uploadProblem } from '@/lib/declaration/steps';

export type Upload = { fileName: string; bytes: Uint8Array };

/** An empty, too large or unknown kind of file is a VALIDATION error on the field `file`. */
export function assertAcceptableUpload(file: Upload): void {
  const problem = uploadProblem(file.bytes.byteLength, file.bytes);
  if (problem)
    throw new AppError('VALIDATION', 'There is a problem with the file.', [{ path: 'file', message: problem }]);
}

/** Keeps an accepted upload (see assertAcceptableUpload) for the trader's company, under a safe file name. */
export async function storeUpload(
  tx: Tx,
  args: { actor: TraderActor; file: Upload; now: Date },
): Promise<{ id: string }> {
  const { actor, file, now } = args;
  const kind = sniffUpload(file.bytes)!;
  const safeName = file.fileName.replace(/[^\w.\- ]+/g, '_').slice(0, 120) || `document.${kind.extension}`;
  return tx.storedFile.create({
    data: {
      companyId: actor.companyId,
      uploadedById: actor.userId,
      fileName: safeName,
      mimeType: kind.mimeType,
      size: file.bytes.byteLength,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      content: Buffer.from(file.bytes),
      createdAt: now,
    },
    select: { id: true },
  });
}

/** A stored file, downloaded: its own type (never sniffed by the browser), not cached. */
export function storedFileResponse(file: {
  fileName: string;
  mimeType: string;
  size: number;
  content: Uint8Array;
}): Response {
  const safeName = file.fileName.replace(/[^\w.\- ]+/g, '_');
  return new Response(new Uint8Array(file.content), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.size),
      // Downloaded, never rendered by the portal's origin: an uploaded HTML or SVG file cannot run
      // script as the portal even if a browser were to open it (sandbox = an opaque origin, no script).
      'Content-Disposition': `attachment; filename="${safeName}"`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
