// The declaration's life (shared/DOMAIN.md "Lifecycle"): which status may follow which, and who
// may move it. Every transition is recorded with who, when, from, to and why by the server.

export const DECLARATION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'REGISTERED',
  'ASSIGNED',
  'AMENDMENT_REQUESTED',
  'ON_HOLD',
  'ASSESSED',
  'PAID',
  'RELEASED',
  'REFUSED',
  'WITHDRAWN',
] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

export type TransitionActor = 'TRADER' | 'OFFICER' | 'SYSTEM';

type Rule = { to: DeclarationStatus; by: readonly TransitionActor[] };

const BEFORE_RELEASE_EXITS: Rule[] = [
  { to: 'REFUSED', by: ['OFFICER'] },
  { to: 'WITHDRAWN', by: ['TRADER'] },
];

const RULES: Record<DeclarationStatus, readonly Rule[]> = {
  DRAFT: [{ to: 'SUBMITTED', by: ['TRADER'] }],
  SUBMITTED: [{ to: 'REGISTERED', by: ['SYSTEM'] }],
  REGISTERED: [{ to: 'ASSIGNED', by: ['SYSTEM'] }, { to: 'ASSESSED', by: ['SYSTEM'] }, ...BEFORE_RELEASE_EXITS],
  ASSIGNED: [
    { to: 'AMENDMENT_REQUESTED', by: ['OFFICER'] },
    { to: 'ON_HOLD', by: ['OFFICER'] },
    { to: 'ASSESSED', by: ['OFFICER'] },
    { to: 'RELEASED', by: ['OFFICER'] },
    ...BEFORE_RELEASE_EXITS,
  ],
  AMENDMENT_REQUESTED: [{ to: 'ASSIGNED', by: ['TRADER'] }, ...BEFORE_RELEASE_EXITS],
  ON_HOLD: [{ to: 'ASSIGNED', by: ['OFFICER'] }, ...BEFORE_RELEASE_EXITS],
  ASSESSED: [
    { to: 'PAID', by: ['SYSTEM'] },
    { to: 'RELEASED', by: ['SYSTEM', 'OFFICER'] },
    { to: 'ASSIGNED', by: ['SYSTEM'] },
    ...BEFORE_RELEASE_EXITS,
  ],
  PAID: [{ to: 'RELEASED', by: ['SYSTEM', 'OFFICER'] }, { to: 'ASSIGNED', by: ['SYSTEM'] }, ...BEFORE_RELEASE_EXITS],
  RELEASED: [],
  REFUSED: [],
  WITHDRAWN: [],
};

export function canTransition(from: DeclarationStatus, to: DeclarationStatus, by: TransitionActor): boolean {
  return RULES[from].some((rule) => rule.to === to && rule.by.includes(by));
}

export function isTerminal(status: DeclarationStatus): boolean {
  return RULES[status].length === 0;
}

/** The trader may still change the goods and documents only in these. */
export function isEditableByTrader(status: DeclarationStatus): boolean {
  return status === 'DRAFT' || status === 'AMENDMENT_REQUESTED';
}

/** Statuses in which the declaration sits in an officer's work. */
export const OPEN_OFFICER_STATUSES: readonly DeclarationStatus[] = ['ASSIGNED', 'AMENDMENT_REQUESTED', 'ON_HOLD'];
