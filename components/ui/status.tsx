import type { DeclarationStatus } from '@/lib/declaration/lifecycle';
import { Badge, type Tone } from './badge';

export function statusTone(status: DeclarationStatus): Tone {
  switch (status) {
    case 'RELEASED':
      return 'success';
    case 'REFUSED':
      return 'danger';
    case 'AMENDMENT_REQUESTED':
    case 'ON_HOLD':
      return 'warning';
    case 'DRAFT':
    case 'WITHDRAWN':
      return 'neutral';
    case 'SUBMITTED':
    case 'REGISTERED':
    case 'ASSIGNED':
    case 'ASSESSED':
    case 'PAID':
      return 'info';
    default: {
      const never: never = status;
      return never;
    }
  }
}

export function StatusBadge({ status, label }: { status: DeclarationStatus; label: string }) {
  return <Badge tone={statusTone(status)}>{label}</Badge>;
}

const CHANNEL_TONES = { GREEN: 'success', YELLOW: 'warning', RED: 'danger', BLUE: 'info' } as const;

export function ChannelBadge({ channel, label }: { channel: keyof typeof CHANNEL_TONES | null; label: string }) {
  return <Badge tone={channel ? CHANNEL_TONES[channel] : 'neutral'}>{label}</Badge>;
}
