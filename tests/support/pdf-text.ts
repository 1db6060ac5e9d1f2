// The text a PDF draws, page by page: pdf-lib writes each string as a hex `<…> Tj` in a deflated
// content stream (WinAnsi, which is Latin-1 for ASCII). Enough to assert what a printed document shows.
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFArray, PDFRawStream } from 'pdf-lib';

export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[]; title: string | undefined }> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = pdf.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents];
    return streams
      .map((s) => (s instanceof PDFRawStream ? inflateSync(Buffer.from(s.contents)).toString('latin1') : ''))
      .join('\n')
      .match(/<([0-9A-Fa-f]*)>\s*Tj/g)!
      .map((op) => Buffer.from(op.slice(1, op.indexOf('>')), 'hex').toString('latin1'))
      .join('\n');
  });
  return { pages, title: pdf.getTitle() };
}
