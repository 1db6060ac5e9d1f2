// The statement of a personal account as a PDF: A4, the company, the period, the opening balance,
// credits, debits and closing balance, then every line with its running balance, continued over as
// many pages as it needs; cells wrap, never cut. Standard fonts (text through toWinAnsi). Not a signed document: each
// movement's own receipt is the signed proof; the statement is their summary.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatAmount } from '@/lib/money';
import { formatServiceMoment } from '@/lib/documents/format';
import { toWinAnsi } from '@/lib/documents/win-ansi';
import type { StatementPeriod } from '@/lib/payments/queries';
import { db } from '../db';
import { assertTrader, type Actor } from '../actor';
import { exportStatement, type StatementLine, type StatementSummary } from './read';
import { wrap, type Translate } from '../documents/pdf';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const BOTTOM = 50;
const WIDTH = A4[0] - 2 * MARGIN;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.35, 0.38, 0.43);
const SHADE = rgb(0.94, 0.95, 0.96);
const RULE = rgb(0.75, 0.77, 0.8);

type Column = { label: string; weight: number; isRight?: boolean };

export async function renderStatementPdf(args: {
  company: { name: string; tin: string };
  summary: StatementSummary;
  lines: Iterable<StatementLine> | AsyncIterable<StatementLine>;
  generatedAt: Date;
  t: Translate;
}): Promise<Uint8Array> {
  const { company, summary, t } = args;
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const title = t('statement.pdf.title');
  pdf.setTitle(toWinAnsi(`${title} ${summary.period.from} – ${summary.period.to}`));
  pdf.setAuthor(toWinAnsi(t('statement.pdf.portal')));
  pdf.setProducer('pdf-lib');
  pdf.setCreationDate(args.generatedAt);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);

  let page: PDFPage = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  const text = (value: string, x: number, size: number, font = regular, color = INK) =>
    page.drawText(toWinAnsi(value), { x, y: y - size, size, font, color });

  text(t('statement.pdf.portal'), MARGIN, 9, regular, MUTED);
  y -= 16;
  text(title, MARGIN, 18, bold);
  y -= 26;
  for (const [label, value] of [
    [t('statement.pdf.company'), `${company.name} (${t('statement.pdf.tin')} ${company.tin})`],
    [t('statement.pdf.period'), `${summary.period.from} – ${summary.period.to}`],
    [t('statement.pdf.opening'), `${formatAmount(summary.opening)} UZS`],
    [t('statement.pdf.credits'), `${formatAmount(summary.credits)} UZS`],
    [t('statement.pdf.debits'), `${formatAmount(summary.debits)} UZS`],
    [t('statement.pdf.closing'), `${formatAmount(summary.closing)} UZS`],
    [t('statement.pdf.generated'), formatServiceMoment(args.generatedAt.toISOString())],
  ] as const) {
    text(label, MARGIN, 9, bold, MUTED);
    text(value, MARGIN + 150, 9.5);
    y -= 14;
  }
  y -= 8;

  const columns: Column[] = [
    { label: t('statement.col.date'), weight: 1.55 },
    { label: t('statement.col.movement'), weight: 2 },
    { label: t('statement.col.reference'), weight: 1.95 },
    { label: t('statement.col.receipt'), weight: 1.45 },
    { label: t('statement.col.debit'), weight: 1.6, isRight: true },
    { label: t('statement.col.credit'), weight: 1.6, isRight: true },
    { label: t('statement.col.balance'), weight: 1.75, isRight: true },
  ];
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * WIDTH);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const size = 7.5;
  const lineHeight = 9;
  const pad = 3;
  // Every cell is wrapped over as many lines as it needs (a time with its zone, a long movement or
  // reference): nothing is cut. A row is as tall as its tallest cell.
  const layoutRow = (cells: string[], font: PDFFont) => {
    const lines = cells.map((cell, i) => wrap(cell, font, size, widths[i] - 2 * pad));
    return { lines, height: Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * pad };
  };
  const row = (laid: ReturnType<typeof layoutRow>, font: PDFFont, shade: boolean) => {
    const { lines, height } = laid;
    if (shade) page.drawRectangle({ x: MARGIN, y: y - height, width: WIDTH, height, color: SHADE });
    lines.forEach((cellLines, i) =>
      cellLines.forEach((value, n) => {
        const x = columns[i].isRight ? xs[i] + widths[i] - pad - font.widthOfTextAtSize(value, size) : xs[i] + pad;
        page.drawText(value, { x, y: y - pad - (n + 1) * lineHeight + 2, size, font, color: INK });
      }),
    );
    y -= height;
  };
  const headerRow = layoutRow(
    columns.map((c) => c.label),
    bold,
  );
  const header = () => {
    row(headerRow, bold, true);
    page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.6, color: RULE });
  };
  header();
  let n = 0;
  for await (const line of args.lines) {
    const isDebit = line.amount.startsWith('-');
    const laid = layoutRow(
      [
        formatServiceMoment(line.at.toISOString()),
        line.paymentType
          ? `${t(`kind.${line.kind}`)} · ${t(`paymentTypeShort.${line.paymentType}`)}`
          : t(`kind.${line.kind}`),
        line.reference,
        line.receiptNumber ?? '',
        isDebit ? formatAmount(line.amount.slice(1)) : '',
        isDebit ? '' : formatAmount(line.amount),
        formatAmount(line.balanceAfter),
      ],
      regular,
    );
    if (y - laid.height < BOTTOM) {
      page = pdf.addPage(A4);
      y = A4[1] - MARGIN;
      text(t('statement.pdf.continued', { from: summary.period.from, to: summary.period.to }), MARGIN, 9, bold, MUTED);
      y -= 18;
      header();
    }
    row(laid, regular, n % 2 === 1);
    n++;
  }
  if (n === 0) {
    y -= 6;
    text(t('statement.empty'), MARGIN, 9, regular, MUTED);
  }
  const pages = pdf.getPages();
  pages.forEach((p, i) => {
    const label = toWinAnsi(t('statement.pdf.pageOf', { page: i + 1, pages: pages.length }));
    p.drawText(label, {
      x: A4[0] - MARGIN - regular.widthOfTextAtSize(label, 7.5),
      y: 24,
      size: 7.5,
      font: regular,
      color: MUTED,
    });
  });
  return pdf.save();
}

/** The most lines one PDF statement holds (about 55 a page); a longer period is refused, never cut short. */
export const MAX_PDF_LINES = 20_000;

/** The trader's statement for a period, as a PDF: summary and lines from one snapshot (exportStatement). */
export async function statementPdf(args: {
  actor: Actor;
  period: StatementPeriod;
  now: Date;
  t: Translate;
  max?: number;
}): Promise<{ bytes: Uint8Array; filename: string }> {
  const { actor, period } = args;
  assertTrader(actor);
  const [{ summary, lines }, company] = await Promise.all([
    exportStatement({ actor, period, max: args.max ?? MAX_PDF_LINES }),
    db.company.findUniqueOrThrow({ where: { id: actor.companyId }, select: { name: true, tin: true } }),
  ]);
  const bytes = await renderStatementPdf({ company, summary, lines, generatedAt: args.now, t: args.t });
  return { bytes, filename: `statement-${period.from}-${period.to}.pdf` };
}
