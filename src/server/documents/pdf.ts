// One printable layout for every signed document: A4, the portal's name, the document's title,
// number and date, its fields as label/value rows, its items as a table that continues over as many
// pages as it needs (a 999-item declaration included), and on every page a footer with the QR code
// of the verification URL, that URL in words, the signing key and the page number. Several tables
// (a declaration's goods, payments, permits and documents) follow one another. Standard fonts
// only (Helvetica): every text goes through toWinAnsi first, so no input can break rendering.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { documentView, type DocumentTable } from '@/lib/documents/view';
import { formatServiceMoment } from '@/lib/documents/format';
import { parsePayload, type DocumentKind } from '@/lib/documents/payloads';
import { toWinAnsi } from '@/lib/documents/win-ansi';
import type { IssuedDocument } from './issue';

/** A message lookup in the `signedDocument` namespace (next-intl's `t`, or createTranslator's). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 42;
const TOP = A4[1] - 42;
const FOOTER_TOP = 104; // content never goes below this line
const CONTENT_WIDTH = A4[0] - 2 * MARGIN_X;
const QR_SIZE = 76;

const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.35, 0.38, 0.43);
const RULE = rgb(0.75, 0.77, 0.8);
const SHADE = rgb(0.94, 0.95, 0.96);

type Fonts = { regular: PDFFont; bold: PDFFont };

/** Greedy word wrap; a word longer than the line (a URL, a long code) is broken by characters. Nothing is ever cut. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of toWinAnsi(text).split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

class Layout {
  page!: PDFPage;
  y = 0;
  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
    private readonly continuedTitle: string,
  ) {}

  newPage(isFirst: boolean) {
    this.page = this.pdf.addPage(A4);
    this.y = TOP;
    if (!isFirst) {
      this.text(this.continuedTitle, MARGIN_X, 9, this.fonts.bold, MUTED);
      this.y -= 18;
    }
  }

  /** Room for `height` more points on this page, or a new page (returns true when one was started). */
  ensure(height: number): boolean {
    if (this.y - height >= FOOTER_TOP) return false;
    this.newPage(false);
    return true;
  }

  text(value: string, x: number, size: number, font = this.fonts.regular, color = INK) {
    this.page.drawText(toWinAnsi(value), { x, y: this.y - size, size, font, color });
  }

  rule(y = this.y) {
    this.page.drawLine({ start: { x: MARGIN_X, y }, end: { x: A4[0] - MARGIN_X, y }, thickness: 0.6, color: RULE });
  }
}

function drawTable(
  layout: Layout,
  fonts: Fonts,
  table: DocumentTable,
  title: string,
  columnLabel: (key: string) => string,
) {
  const size = 7.5;
  const lineHeight = 9.5;
  const pad = 3;
  const totalWeight = table.columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = table.columns.map((c) => (c.weight / totalWeight) * CONTENT_WIDTH);
  const xs = widths.map((_, i) => MARGIN_X + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const drawRow = (cells: string[][], font: PDFFont, shade: boolean) => {
    const height = Math.max(...cells.map((c) => c.length)) * lineHeight + 2 * pad;
    if (shade)
      layout.page.drawRectangle({ x: MARGIN_X, y: layout.y - height, width: CONTENT_WIDTH, height, color: SHADE });
    cells.forEach((lines, i) => {
      const column = table.columns[i];
      lines.forEach((line, n) => {
        const width = font.widthOfTextAtSize(line, size);
        const x = column.align === 'right' ? xs[i] + widths[i] - pad - width : xs[i] + pad;
        layout.page.drawText(line, { x, y: layout.y - pad - (n + 1) * lineHeight + 2.5, size, font, color: INK });
      });
    });
    layout.y -= height;
  };
  const header = table.columns.map((c, i) => wrap(columnLabel(c.key), fonts.bold, size, widths[i] - 2 * pad));
  const headerHeight = Math.max(...header.map((c) => c.length)) * lineHeight + 2 * pad;
  const drawHeader = () => {
    drawRow(header, fonts.bold, true);
    layout.rule();
  };

  layout.ensure(16 + headerHeight + 3 * lineHeight);
  layout.text(title, MARGIN_X, 11, fonts.bold);
  layout.y -= 18;
  drawHeader();
  table.rows.forEach((row, r) => {
    const cells = row.map((value, i) => wrap(value, fonts.regular, size, widths[i] - 2 * pad));
    const height = Math.max(...cells.map((c) => c.length)) * lineHeight + 2 * pad;
    if (layout.ensure(height)) drawHeader();
    drawRow(cells, fonts.regular, r % 2 === 1);
  });
  layout.rule();
}

function drawFooter(
  page: PDFPage,
  fonts: Fonts,
  qr: PDFImage,
  lines: { verifyAt: string; url: string; signedWith: string; pageOf: string },
) {
  const y0 = 28;
  page.drawLine({
    start: { x: MARGIN_X, y: FOOTER_TOP - 8 },
    end: { x: A4[0] - MARGIN_X, y: FOOTER_TOP - 8 },
    thickness: 0.6,
    color: RULE,
  });
  // Below the rule (FOOTER_TOP - 8), with the quiet zone a scanner needs around it.
  page.drawImage(qr, { x: MARGIN_X, y: y0 - 16, width: QR_SIZE, height: QR_SIZE });
  const x = MARGIN_X + QR_SIZE + 12;
  const width = A4[0] - MARGIN_X - x;
  let y = y0 + QR_SIZE - 16;
  page.drawText(toWinAnsi(lines.verifyAt), { x, y, size: 8.5, font: fonts.bold, color: INK });
  for (const line of wrap(lines.url, fonts.regular, 7, width)) {
    y -= 9;
    page.drawText(line, { x, y, size: 7, font: fonts.regular, color: INK });
  }
  y -= 12;
  page.drawText(toWinAnsi(lines.signedWith), { x, y, size: 7, font: fonts.regular, color: MUTED });
  const pageOf = toWinAnsi(lines.pageOf);
  page.drawText(pageOf, {
    x: A4[0] - MARGIN_X - fonts.regular.widthOfTextAtSize(pageOf, 7.5),
    y: y0 - 6,
    size: 7.5,
    font: fonts.regular,
    color: MUTED,
  });
}

export type PrintableDocument = Pick<
  IssuedDocument,
  'kind' | 'number' | 'issuedAt' | 'keyId' | 'payload' | 'verificationUrl'
>;

/** The PDF of an issued document, in the language of `t` (the `signedDocument` messages). */
export async function renderSignedDocumentPdf(document: PrintableDocument, t: Translate): Promise<Uint8Array> {
  const parsed = parsePayload(document.kind, document.payload);
  if (!parsed) throw new Error(`The stored ${document.kind} content of ${document.number} does not match its schema.`);
  const view = documentView(parsed);
  const title = t(`kind.${document.kind}`);
  const portal = t('portalName');

  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(toWinAnsi(`${title} ${document.number}`));
  pdf.setSubject(toWinAnsi(t('pdf.subject', { number: document.number })));
  pdf.setAuthor(toWinAnsi(portal));
  pdf.setCreator(toWinAnsi(portal));
  pdf.setProducer('pdf-lib');
  // Dated by the document, not by the moment of printing: the same document prints the same bytes.
  pdf.setCreationDate(document.issuedAt);
  pdf.setModificationDate(document.issuedAt);
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
  };
  const qr = await pdf.embedPng(
    await QRCode.toBuffer(document.verificationUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 }),
  );

  const layout = new Layout(pdf, fonts, t('pdf.continued', { title, number: document.number }));
  layout.newPage(true);
  layout.text(portal, MARGIN_X, 9, fonts.regular, MUTED);
  layout.y -= 16;
  layout.text(title, MARGIN_X, 18, fonts.bold);
  layout.y -= 26;
  layout.text(t('pdf.number', { number: document.number }), MARGIN_X, 12, fonts.bold);
  layout.y -= 17;
  layout.text(
    t('pdf.issued', { date: formatServiceMoment(document.issuedAt.toISOString()) }),
    MARGIN_X,
    9,
    fonts.regular,
    MUTED,
  );
  layout.y -= 16;
  layout.rule();
  layout.y -= 8;

  const labelWidth = 150;
  const valueX = MARGIN_X + labelWidth + 8;
  const valueWidth = CONTENT_WIDTH - labelWidth - 8;
  for (const field of view.fields) {
    const label = wrap(t(`fields.${field.key}`), fonts.bold, 8.5, labelWidth);
    const value = wrap(field.value || '—', fonts.regular, 9.5, valueWidth);
    const height = Math.max(label.length * 11, value.length * 12) + 4;
    layout.ensure(height);
    label.forEach((line, i) =>
      layout.page.drawText(line, { x: MARGIN_X, y: layout.y - 9 - i * 11, size: 8.5, font: fonts.bold, color: MUTED }),
    );
    value.forEach((line, i) =>
      layout.page.drawText(line, { x: valueX, y: layout.y - 9.5 - i * 12, size: 9.5, font: fonts.regular, color: INK }),
    );
    layout.y -= height;
  }
  layout.y -= 10;

  for (const table of view.tables) {
    if (table.rows.length === 0) continue;
    drawTable(layout, fonts, table, t(`tables.${table.key}`, { count: table.rows.length }), (key) =>
      t(`columns.${key}`),
    );
    layout.y -= 14;
  }

  const pages = pdf.getPages();
  const signedWith = t('pdf.signedWith', { keyId: document.keyId });
  pages.forEach((page, i) =>
    drawFooter(page, fonts, qr, {
      verifyAt: t('pdf.verifyAt'),
      url: document.verificationUrl,
      signedWith,
      pageOf: t('pdf.pageOf', { page: i + 1, pages: pages.length }),
    }),
  );
  return pdf.save();
}

/** `declaration-26001-261128-0000042.pdf`: safe in a Content-Disposition header on every platform. */
export function pdfFilename(kind: DocumentKind, number: string): string {
  return `${kind.toLowerCase().replace(/_/g, '-')}-${number.replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf`;
}

export function pdfResponse(bytes: Uint8Array, filename: string): Response {
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
