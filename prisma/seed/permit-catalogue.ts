// The single-window permit catalogue (shared/DOMAIN.md "Single window permits"): 6 authorities,
// 21 permit types. Reference data an admin can edit later; seeded from here, and imported by tests.

export type AuthorityCode = 'SES' | 'PQ' | 'VET' | 'STD' | 'PH' | 'ECO';
export type CatalogueDirection = 'IMPORT' | 'EXPORT' | 'TRANSIT';
export type CatalogueScope = 'SHIPMENT' | 'QUANTITY';

export const AUTHORITIES: ReadonlyArray<{ code: AuthorityCode; name: string }> = [
  { code: 'SES', name: 'Sanitary-epidemiological service' },
  { code: 'PQ', name: 'Plant quarantine agency' },
  { code: 'VET', name: 'Veterinary committee' },
  { code: 'STD', name: 'Standards and certification agency' },
  { code: 'PH', name: 'Pharmaceutical agency' },
  { code: 'ECO', name: 'Ecology committee' },
];

export type PermitCatalogueEntry = {
  code: string;
  name: string;
  authority: AuthorityCode;
  directions: CatalogueDirection[];
  hsPrefixes: string[];
  validityDays: number;
  scope: CatalogueScope;
  requiredDocuments: string[];
  /** Fee in UZS, a decimal string. */
  fee: string;
};

const p = (s: string) => s.split(' ');

export const PERMIT_CATALOGUE: readonly PermitCatalogueEntry[] = [
  { code: 'SES-FOOD', name: 'sanitary-epidemiological conclusion, food products', authority: 'SES', directions: ['IMPORT'], hsPrefixes: p('02 03 04 07 08 09 10 11 15 16 17 18 19 20 21 22'), validityDays: 365, scope: 'QUANTITY', requiredDocuments: ['Contract', 'Invoice', 'Laboratory test report', 'Certificate of origin'], fee: '150000.00' },
  { code: 'SES-COSM', name: 'conclusion, cosmetics and hygiene products', authority: 'SES', directions: ['IMPORT'], hsPrefixes: p('3303 3304 3305 3306 3307 3401'), validityDays: 365, scope: 'QUANTITY', requiredDocuments: ['Contract', 'Invoice', 'Product composition', 'Laboratory test report'], fee: '150000.00' },
  { code: 'SES-CHILD', name: "conclusion, children's goods", authority: 'SES', directions: ['IMPORT'], hsPrefixes: p('9503 6111 6209'), validityDays: 365, scope: 'QUANTITY', requiredDocuments: ['Contract', 'Invoice', 'Laboratory test report'], fee: '150000.00' },
  { code: 'SES-FCM', name: 'conclusion, food-contact materials', authority: 'SES', directions: ['IMPORT'], hsPrefixes: p('3923 3924 6911 6912 7013 7323'), validityDays: 365, scope: 'QUANTITY', requiredDocuments: ['Contract', 'Invoice', 'Migration test report'], fee: '150000.00' },
  { code: 'SES-REG', name: 'state hygienic registration, chemical products', authority: 'SES', directions: ['IMPORT'], hsPrefixes: p('3402 3808'), validityDays: 1825, scope: 'QUANTITY', requiredDocuments: ['Safety data sheet', 'Product composition', 'Laboratory test report'], fee: '750000.00' },
  { code: 'PQ-IMP', name: 'import quarantine permit', authority: 'PQ', directions: ['IMPORT'], hsPrefixes: p('06 07 08 10 12 14 4401 4403'), validityDays: 180, scope: 'SHIPMENT', requiredDocuments: ['Contract', 'Invoice', 'Phytosanitary certificate of the exporting country'], fee: '100000.00' },
  { code: 'PQ-PHYTO', name: 'phytosanitary certificate', authority: 'PQ', directions: ['EXPORT'], hsPrefixes: p('06 07 08 10 12'), validityDays: 14, scope: 'SHIPMENT', requiredDocuments: ['Contract', 'Invoice', 'Laboratory test report'], fee: '100000.00' },
  { code: 'PQ-REEXP', name: 're-export phytosanitary certificate', authority: 'PQ', directions: ['TRANSIT'], hsPrefixes: p('06 07 08 10 12'), validityDays: 14, scope: 'SHIPMENT', requiredDocuments: ['Original phytosanitary certificate', 'Transport document'], fee: '100000.00' },
  { code: 'VET-IMP', name: 'veterinary import permit', authority: 'VET', directions: ['IMPORT'], hsPrefixes: p('01 02 03 04 05 1601 1602 2309'), validityDays: 180, scope: 'QUANTITY', requiredDocuments: ['Contract', 'Invoice', 'Veterinary certificate of the exporting country'], fee: '200000.00' },
  { code: 'VET-EXP', name: 'veterinary certificate', authority: 'VET', directions: ['EXPORT'], hsPrefixes: p('01 02 03 04 05 16'), validityDays: 30, scope: 'SHIPMENT', requiredDocuments: ['Contract', 'Invoice', 'Laboratory test report'], fee: '150000.00' },
  { code: 'VET-TRN', name: 'veterinary transit permit', authority: 'VET', directions: ['TRANSIT'], hsPrefixes: p('01 02 03 04 05'), validityDays: 30, scope: 'SHIPMENT', requiredDocuments: ['Veterinary certificate of the exporting country', 'Transport document'], fee: '150000.00' },
  { code: 'STD-COC', name: 'certificate of conformity', authority: 'STD', directions: ['IMPORT'], hsPrefixes: p('8415 8418 8450 8471 8516 8517 8528 8703 8711 9503'), validityDays: 1095, scope: 'QUANTITY', requiredDocuments: ['Contract', 'Invoice', 'Test report of an accredited laboratory', 'Technical documentation'], fee: '500000.00' },
  { code: 'STD-DOC', name: 'declaration of conformity', authority: 'STD', directions: ['IMPORT'], hsPrefixes: p('61 62 6401 6402 6403 6404 6405 9401 9403'), validityDays: 1095, scope: 'QUANTITY', requiredDocuments: ['Contract', 'Invoice', 'Test report of an accredited laboratory'], fee: '300000.00' },
  { code: 'STD-MET', name: 'measuring-instrument type approval', authority: 'STD', directions: ['IMPORT'], hsPrefixes: p('9015 9016 9025 9026 9028 9030'), validityDays: 1825, scope: 'QUANTITY', requiredDocuments: ['Technical documentation', 'Calibration certificate', 'Test report of an accredited laboratory'], fee: '600000.00' },
  { code: 'PH-MED', name: 'import permit, medicines', authority: 'PH', directions: ['IMPORT'], hsPrefixes: p('3003 3004'), validityDays: 365, scope: 'QUANTITY', requiredDocuments: ['Contract', 'Invoice', 'Registration certificate', 'GMP certificate'], fee: '400000.00' },
  { code: 'PH-DEV', name: 'import permit, medical devices', authority: 'PH', directions: ['IMPORT'], hsPrefixes: p('3005 3006 9018 9019 9021 9022'), validityDays: 365, scope: 'QUANTITY', requiredDocuments: ['Contract', 'Invoice', 'Registration certificate', 'Technical documentation'], fee: '400000.00' },
  { code: 'PH-NARC', name: 'licence, narcotic and psychotropic substances and precursors', authority: 'PH', directions: ['IMPORT', 'EXPORT'], hsPrefixes: p('2914 2922 2933 2939'), validityDays: 90, scope: 'SHIPMENT', requiredDocuments: ['Contract', 'Invoice', 'End-user certificate', 'Licence for activity with controlled substances'], fee: '1000000.00' },
  { code: 'ECO-CITES', name: 'CITES permit', authority: 'ECO', directions: ['IMPORT', 'EXPORT'], hsPrefixes: p('0106 0301 4103 4301 9601'), validityDays: 180, scope: 'SHIPMENT', requiredDocuments: ['Contract', 'Invoice', 'CITES permit of the other country', 'Proof of legal acquisition'], fee: '300000.00' },
  { code: 'ECO-ODS', name: 'licence, ozone-depleting substances', authority: 'ECO', directions: ['IMPORT'], hsPrefixes: p('2903 3824'), validityDays: 365, scope: 'QUANTITY', requiredDocuments: ['Contract', 'Invoice', 'Safety data sheet'], fee: '500000.00' },
  { code: 'ECO-WILD', name: 'permit to export wild plants and animals', authority: 'ECO', directions: ['EXPORT'], hsPrefixes: p('0106 0602 1211 1212'), validityDays: 90, scope: 'SHIPMENT', requiredDocuments: ['Contract', 'Invoice', 'Proof of legal harvesting', 'Expert opinion'], fee: '300000.00' },
  { code: 'ECO-WASTE', name: 'transboundary movement of hazardous waste', authority: 'ECO', directions: ['IMPORT', 'EXPORT', 'TRANSIT'], hsPrefixes: p('2620 3825 7112 8548 8549'), validityDays: 180, scope: 'SHIPMENT', requiredDocuments: ['Contract', 'Notification document', 'Movement document', 'Insurance certificate'], fee: '1000000.00' },
];
