/** Evidence types accepted, recognised by their first bytes rather than by what the client claims. */
const SIGNATURES: { type: string; extensions: string[]; matches: (head: Buffer) => boolean }[] = [
  { type: 'application/pdf', extensions: ['pdf'], matches: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    type: 'image/png',
    extensions: ['png'],
    matches: (h) => h.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')),
  },
  {
    type: 'image/jpeg',
    extensions: ['jpg', 'jpeg'],
    matches: (h) => h.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex')),
  },
  {
    type: 'image/webp',
    extensions: ['webp'],
    matches: (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    matches: (h) => h.subarray(0, 4).equals(Buffer.from('504b0304', 'hex')),
  },
  {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    matches: (h) => h.subarray(0, 4).equals(Buffer.from('504b0304', 'hex')),
  },
];

export const ACCEPTED_EXTENSIONS = SIGNATURES.flatMap((s) => s.extensions);

/** The content type of an upload, or undefined when its bytes do not match an accepted type with that extension. */
export function detectContentType(fileName: string, head: Buffer): string | undefined {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  return SIGNATURES.find((s) => s.extensions.includes(extension) && s.matches(head))?.type;
}
