// Deterministic ids: the same label always gives the same UUID (SHA-256 of the label, shaped as a
// version-4 UUID), so two seeds with the same `now` write identical rows.
import { createHash } from 'node:crypto';

export function seedUuid(label: string): string {
  const h = createHash('sha256').update(`csw-seed-id:${label}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
