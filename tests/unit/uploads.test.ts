import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE, sniffUpload, uploadProblem } from '@/lib/declaration/steps';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);
const PDF = text('%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\n%%EOF\n');
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d);
/** A file of `size` bytes starting with `head` (the rest zeros). */
const fileOf = (head: Uint8Array, size: number) => {
  const out = new Uint8Array(size);
  out.set(head.subarray(0, size));
  return out;
};

describe('uploads are recognised by their content, never by their name', () => {
  it.each([
    ['a PDF', PDF, { mimeType: 'application/pdf', extension: 'pdf' }],
    ['a JPEG', JPEG, { mimeType: 'image/jpeg', extension: 'jpg' }],
    ['a PNG', PNG, { mimeType: 'image/png', extension: 'png' }],
    [
      'a Windows program (named invoice.pdf by its sender)',
      text('MZ\x90\x00 this program cannot be run in DOS mode'),
      null,
    ],
    ['a ZIP or Office file', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), null],
    ['an HTML page', text('<!doctype html><script>alert(1)</script>'), null],
    ['"%PDF" without its dash', text('%PDF1.4'), null],
    ['a PNG signature cut short', PNG.subarray(0, 7), null],
    ['a JPEG signature cut short', JPEG.subarray(0, 2), null],
    ['a PDF signature not at the start', text(' %PDF-1.4'), null],
    ['nothing', new Uint8Array(0), null],
  ])('%s', (_name, content, expected) => {
    expect(sniffUpload(content)).toEqual(expected);
  });
});

describe('what is wrong with an upload', () => {
  it('accepts PDF, JPEG and PNG up to and including exactly 10 MB', () => {
    expect(MAX_UPLOAD_BYTES).toBe(10 * 1024 * 1024);
    for (const head of [PDF, JPEG, PNG]) {
      expect(uploadProblem(head.byteLength, head)).toBeNull();
      expect(uploadProblem(MAX_UPLOAD_BYTES, fileOf(head, MAX_UPLOAD_BYTES))).toBeNull();
    }
  });

  it('refuses one byte more than 10 MB, with the words the browser uses too', () => {
    expect(uploadProblem(MAX_UPLOAD_BYTES + 1, fileOf(PDF, MAX_UPLOAD_BYTES + 1))).toBe(UPLOAD_TOO_LARGE);
    expect(UPLOAD_TOO_LARGE).toBe('The selected file must be smaller than 10 MB');
  });

  it('refuses an empty file as empty, before anything else', () => {
    expect(uploadProblem(0, new Uint8Array(0))).toBe('The selected file is empty');
  });

  it('refuses another kind of file whatever its name says', () => {
    expect(uploadProblem(27, text('MZ this is not a pdf at all'))).toBe('The selected file must be a PDF, JPEG or PNG');
  });

  it('judges the size before the content: a huge file of the wrong kind is "too large"', () => {
    expect(uploadProblem(MAX_UPLOAD_BYTES + 1, text('MZ'))).toBe(UPLOAD_TOO_LARGE);
  });
});
