import { NextResponse } from 'next/server';
import { withActor, parseParams } from '@/src/server/http';
import { getDeclarationForTrader } from '@/src/server/declarations/read';
import { ensureDeclarationDocument } from '@/src/server/documents/declaration';
import { releaseNoteOf } from '@/src/server/documents/release-note';
import { now } from '@/src/server/clock';
import { ZUuidParam } from '@/lib/pagination';

type Context = { params: Promise<{ id: string }> };

/**
 * GET /api/declarations/:id — the trader's own declaration; another company's is a 404. Once
 * registered, `document` gives its signed printable copy (issued on first request).
 */
export const GET = withActor(async (_request, context: Context, actor) => {
  const { id } = parseParams(ZUuidParam, await context.params);
  const d = await getDeclarationForTrader({ actor, declarationId: id });
  const document = d.registrationNumber
    ? await ensureDeclarationDocument({ actor, declarationId: d.id, now: now() })
    : null;
  const releaseNote =
    d.status === 'RELEASED' ? await releaseNoteOf({ actor, declarationId: d.id }).catch(() => null) : null;
  return NextResponse.json({
    id: d.id,
    registrationNumber: d.registrationNumber,
    status: d.status,
    regime: d.regime,
    items: d.items.map((i) => ({
      lineNo: i.lineNo,
      hsCode: i.hsCode,
      description: i.description,
      invoiceValue: i.invoiceValue.toString(),
    })),
    events: d.events.map((e) => ({
      from: e.fromStatus,
      to: e.toStatus,
      by: e.actorRole,
      reason: e.reason,
      at: e.at.toISOString(),
    })),
    document: document
      ? {
          number: document.number,
          issuedAt: document.issuedAt.toISOString(),
          pdfUrl: `/trader/declarations/${d.id}/pdf`,
          verificationUrl: document.verificationUrl,
        }
      : null,
    releaseNote: releaseNote
      ? {
          number: releaseNote.number,
          pdfUrl: `/trader/declarations/${d.id}/release-note`,
          verificationUrl: releaseNote.verificationUrl,
        }
      : null,
  });
});
