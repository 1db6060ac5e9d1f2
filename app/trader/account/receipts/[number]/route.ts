import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { parseParams, withActor } from '@/src/server/http';
import { receiptPdf } from '@/src/server/payments/receipts';
import { pdfResponse } from '@/src/server/documents/pdf';
import { now } from '@/src/server/clock';
import { ZReceiptNumber } from '@/lib/payments/receipt-number';
import { decodeSegmentOnce } from '@/lib/text';

type Context = { params: Promise<{ number: string }> };

/** GET /trader/account/receipts/R-2026-0002814 — one of the company's receipts, signed, as a PDF (another company's: 404). */
export const GET = withActor(async (_request, context: Context, actor) => {
  // Not a receipt number (a lone `%`, anything else): not found, like another company's receipt.
  const { number } = parseParams(z.object({ number: ZReceiptNumber }), {
    number: decodeSegmentOnce((await context.params).number),
  });
  const t = await getTranslations('signedDocument');
  const { bytes, filename } = await receiptPdf({ actor, receiptNumber: number, now: now(), t });
  return pdfResponse(bytes, filename);
});
