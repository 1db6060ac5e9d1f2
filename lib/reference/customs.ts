// Customs codes used across the portal (shared/DOMAIN.md).

export const REGIMES = ['IM40', 'EK10', 'TR80', 'IM31', 'EK31', 'IM70'] as const;
export type Regime = (typeof REGIMES)[number];

export const DIRECTIONS = ['IMPORT', 'EXPORT', 'TRANSIT'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const REGIME_DIRECTION: Record<Regime, Direction> = {
  IM40: 'IMPORT',
  IM31: 'IMPORT',
  IM70: 'IMPORT',
  EK10: 'EXPORT',
  EK31: 'EXPORT',
  TR80: 'TRANSIT',
};

/** Transport modes: enum value ↔ the numeric code used on the declaration. */
export const TRANSPORT_MODES = ['SEA', 'RAIL', 'ROAD', 'AIR', 'POST'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];
export const TRANSPORT_MODE_CODE: Record<TransportMode, string> = {
  SEA: '10',
  RAIL: '20',
  ROAD: '30',
  AIR: '40',
  POST: '50',
};

export const INCOTERMS = ['EXW', 'FCA', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP'] as const;
export type Incoterm = (typeof INCOTERMS)[number];

export const DOCUMENT_TYPES = [
  'INVOICE',
  'CONTRACT',
  'PACKING_LIST',
  'TRANSPORT_DOCUMENT',
  'CERTIFICATE_OF_ORIGIN',
  'PERMIT',
  'OTHER',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const SUPPLEMENTARY_UNITS = ['KG', 'L', 'PCS', 'PAIR', 'M', 'M2', 'M3', 'KWH', '1000PCS', 'CT'] as const;

/** The national country: imports arrive here, exports leave from here. */
export const HOME_COUNTRY = 'UZ';
export const NATIONAL_CURRENCY = 'UZS';
