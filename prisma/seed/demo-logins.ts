// The demo sign-ins (one password for all), used by the seed, the README and the tests.

export const DEMO_PASSWORD = 'Demo#2026';

export type DemoRole = 'TRADER' | 'INSPECTOR' | 'SUPERVISOR' | 'AGENCY_OFFICER' | 'ADMIN';

export const DEMO_LOGINS: ReadonlyArray<{ email: string; role: DemoRole; description: string }> = [
  {
    email: 'trader@silkroad.uz',
    role: 'TRADER',
    description: 'Dilshod Karimov, trader of Silk Road Trading LLC (TIN 301234567)',
  },
  {
    email: 'trader@orient.uz',
    role: 'TRADER',
    description: 'Malika Yusupova, trader of Orient Logistics JSC (TIN 302345678, authorised economic operator)',
  },
  {
    email: 'inspector@customs.uz',
    role: 'INSPECTOR',
    description: 'Bekzod Rakhimov, inspector at post 26001 Tashkent — Chukursay railway, on duty (INS-26001-01)',
  },
  {
    email: 'inspector2@customs.uz',
    role: 'INSPECTOR',
    description: 'Inspector at post 26001, off duty (INS-26001-02)',
  },
  {
    email: 'supervisor@customs.uz',
    role: 'SUPERVISOR',
    description: 'Supervisor at post 26001, with finance permission (SUP-26001-01)',
  },
  { email: 'pq.officer@agency.uz', role: 'AGENCY_OFFICER', description: 'Officer of the Plant quarantine agency (PQ)' },
  {
    email: 'ses.officer@agency.uz',
    role: 'AGENCY_OFFICER',
    description: 'Officer of the Sanitary-epidemiological service (SES)',
  },
  { email: 'vet.officer@agency.uz', role: 'AGENCY_OFFICER', description: 'Officer of the Veterinary committee (VET)' },
  {
    email: 'std.officer@agency.uz',
    role: 'AGENCY_OFFICER',
    description: 'Officer of the Standards and certification agency (STD)',
  },
  { email: 'ph.officer@agency.uz', role: 'AGENCY_OFFICER', description: 'Officer of the Pharmaceutical agency (PH)' },
  { email: 'eco.officer@agency.uz', role: 'AGENCY_OFFICER', description: 'Officer of the Ecology committee (ECO)' },
  { email: 'admin@customs.uz', role: 'ADMIN', description: 'System administrator' },
];
