// Status of applications, permits and the desk's SLA clock: text plus colour, never colour alone.
import { Badge, type Tone } from '../ui/badge';
import type { ApplicationStatus, PermitState, SlaState } from '@/lib/permits';

export function applicationTone(status: ApplicationStatus): Tone {
  switch (status) {
    case 'ISSUED':
      return 'success';
    case 'REFUSED':
      return 'danger';
    case 'INFO_REQUESTED':
      return 'warning';
    case 'SUBMITTED':
      return 'info';
    case 'DRAFT':
    case 'WITHDRAWN':
      return 'neutral';
    default: {
      const never: never = status;
      return never;
    }
  }
}

export function permitStateTone(state: PermitState): Tone {
  switch (state) {
    case 'VALID':
      return 'success';
    case 'NOT_YET_VALID':
      return 'info';
    case 'EXPIRED':
    case 'EXHAUSTED':
      return 'neutral';
    case 'REVOKED':
      return 'danger';
    default: {
      const never: never = state;
      return never;
    }
  }
}

export function slaTone(state: SlaState): Tone {
  switch (state) {
    case 'ON_TIME':
    case 'MET':
      return 'success';
    case 'DUE_SOON':
      return 'warning';
    case 'OVERDUE':
    case 'MISSED':
      return 'danger';
    case 'STOPPED':
      return 'info';
    default: {
      const never: never = state;
      return never;
    }
  }
}

export const ApplicationStatusBadge = ({ status, label }: { status: ApplicationStatus; label: string }) => (
  <Badge tone={applicationTone(status)}>{label}</Badge>
);
export const PermitStateBadge = ({ state, label }: { state: PermitState; label: string }) => (
  <Badge tone={permitStateTone(state)}>{label}</Badge>
);
export const SlaBadge = ({ state, label }: { state: SlaState; label: string }) => (
  <Badge tone={slaTone(state)}>{label}</Badge>
);
