import { getTranslations } from 'next-intl/server';
import { withActor } from '@/src/server/http';
import { receiptPdf } from '@/src/server/payments/receipts';
import { pdfResponse } from '@/src/server/documents/pdf';
import { now } from '@/src/server/clock';

type Context = { params: Promise<{ number: string }> };

/** GET /trader/account/receipts/R-2026-0002814 — one of the company's receipts, signed, as a PDF (another company's: 404). */
export const GET = withActor(async (_request, context: Context, actor) => {
  const { number } = await context.params;
  const t = await getTranslations('signedDocument');
  const { bytes, filename } = await receiptPdf({ actor, receiptNumber: decodeURIComponent(number), now: now(), t });
  return pdfResponse(bytes, filename);
});
