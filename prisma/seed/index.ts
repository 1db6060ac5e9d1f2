// The demo seed: fills an empty, migrated database with reference data, demo users and a year of
// past declarations. Deterministic: the same `now` always writes the same rows (seeded PRNG,
// ids derived from labels, every date derived from `now`). See README.md.
import { createHash } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { bulkInsert, insertMany } from './insert.ts';
import {
  buildAuthorities,
  buildCountries,
  buildCurrencies,
  buildExchangeRates,
  buildPermitTypes,
  buildPosts,
  buildSettings,
  RateTable,
  readHsNomenclature,
} from './reference.ts';
import { buildTariff } from './tariff.ts';
import { buildCompanies, buildUsers, companyRows } from './people.ts';
import { generateHistory } from './history.ts';
import {
  assessedPaymentRows,
  assignmentRows,
  declarationRows,
  documentRows,
  eventRows,
  inspectionRows,
  itemRows,
  registrationSequenceRows,
  riskAssessmentRows,
} from './history-rows.ts';
import { buildMoney } from './ledger.ts';
import { referencePriceRows } from './reference-prices.ts';
import { DEMO_PASSWORD } from './demo-logins.ts';
import { buildRiskProfiles } from './risk-profiles.ts';
import { buildPermits } from './permits.ts';

export const SEED_VERSION = '2';

export type SeedSummary = {
  countries: number;
  currencies: number;
  exchangeRates: number;
  hsHeadings: number;
  tariffLines: number;
  customsPosts: number;
  authorities: number;
  permitTypes: number;
  companies: number;
  accounts: number;
  users: number;
  declarations: number;
  declarationItems: number;
  declarationDocuments: number;
  declarationStatusEvents: number;
  registrationSequences: number;
  riskAssessments: number;
  assignments: number;
  inspections: number;
  assessedPayments: number;
  payments: number;
  topUps: number;
  ledgerEntries: number;
  referencePrices: number;
  settings: number;
  riskProfiles: number;
  permitApplications: number;
  permits: number;
  permitLinks: number;
};

export async function seedDatabase(
  db: PrismaClient,
  options: { now: Date; log?: (line: string) => void },
): Promise<SeedSummary> {
  const { now } = options;
  const log = options.log ?? (() => {});
  if (Number.isNaN(now.getTime())) throw new Error('seedDatabase: `now` is not a valid date');
  const started = Date.now();
  const step = (what: string) => log(`  seed: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const [marker, companyCount] = await Promise.all([
    db.setting.findUnique({ where: { key: 'seed.version' } }),
    db.company.count(),
  ]);
  if (marker || companyCount > 0)
    throw new Error(
      'seedDatabase: the database is not empty (it has companies or a seed marker); seed only an empty database.',
    );

  // One argon2id hash (library defaults, as the app uses) for every demo user: hashing is slow on
  // purpose. The salt is derived from a label, so the rows stay identical from seed to seed; the
  // demo password is public anyway.
  const passwordHash = hash(DEMO_PASSWORD, {
    salt: createHash('sha256').update('csw-seed:demo-password-salt').digest().subarray(0, 16),
  });

  // Build everything in memory first.
  const hs = readHsNomenclature();
  const goods = buildTariff(hs);
  const rateRows = buildExchangeRates(now);
  const rates = new RateTable(rateRows);
  const companies = buildCompanies(now);
  const { users, staff } = buildUsers(now, companies, await passwordHash);
  const history = generateHistory({ now, companies, goods, rates, staff });
  const money = buildMoney({ now, companies, declarations: history });
  const permits = buildPermits({ now, companies, users, goods, history });
  step(`built ${history.length} declarations in memory`);

  const rows = {
    countries: buildCountries(),
    currencies: buildCurrencies(),
    hsHeadings: hs,
    tariffLines: goods.map((g) => g.line),
    customsPosts: buildPosts(),
    authorities: buildAuthorities(),
    permitTypes: buildPermitTypes(),
    companies: companyRows(companies),
    settings: buildSettings(now),
    referencePrices: referencePriceRows(history, now),
    declarations: declarationRows(history),
    declarationItems: itemRows(history),
    declarationDocuments: documentRows(history),
    declarationStatusEvents: eventRows(history),
    registrationSequences: registrationSequenceRows(history),
    riskAssessments: riskAssessmentRows(history),
    assignments: assignmentRows(history),
    inspections: inspectionRows(history),
    assessedPayments: assessedPaymentRows(history),
  };

  // Insert in dependency order, in one transaction: a failed seed leaves the database empty.
  const counts = await db.$transaction(
    async (tx) => {
      const c = {
        countries: await insertMany((a) => tx.country.createMany(a), rows.countries),
        currencies: await insertMany((a) => tx.currency.createMany(a), rows.currencies),
        customsPosts: await insertMany((a) => tx.customsPost.createMany(a), rows.customsPosts),
        authorities: await insertMany((a) => tx.authority.createMany(a), rows.authorities),
        permitTypes: await insertMany((a) => tx.permitType.createMany(a), rows.permitTypes),
        tariffLines: await insertMany((a) => tx.tariffLine.createMany(a), rows.tariffLines),
        companies: await insertMany((a) => tx.company.createMany(a), rows.companies),
        accounts: await insertMany((a) => tx.account.createMany(a), money.accounts),
        users: await insertMany((a) => tx.user.createMany(a), users),
        settings: await insertMany((a) => tx.setting.createMany(a), rows.settings),
        riskProfiles: await insertMany((a) => tx.riskProfile.createMany(a), buildRiskProfiles(now)),
        hsHeadings: await bulkInsert(tx, 'HsHeading', rows.hsHeadings),
        exchangeRates: await bulkInsert(tx, 'ExchangeRate', rateRows),
        referencePrices: await bulkInsert(tx, 'ReferencePrice', rows.referencePrices),
        registrationSequences: 0,
        declarations: 0,
        declarationItems: 0,
        declarationDocuments: 0,
        declarationStatusEvents: 0,
        riskAssessments: 0,
        assignments: 0,
        inspections: 0,
        assessedPayments: 0,
        payments: 0,
        topUps: 0,
        ledgerEntries: 0,
        permitApplications: 0,
        permits: 0,
        permitLinks: 0,
      };
      step('reference data, companies, users');
      c.registrationSequences = await bulkInsert(tx, 'RegistrationSequence', rows.registrationSequences);
      c.declarations = await bulkInsert(tx, 'Declaration', rows.declarations);
      c.declarationItems = await bulkInsert(tx, 'DeclarationItem', rows.declarationItems);
      c.declarationDocuments = await bulkInsert(tx, 'DeclarationDocument', rows.declarationDocuments);
      c.declarationStatusEvents = await bulkInsert(tx, 'DeclarationStatusEvent', rows.declarationStatusEvents);
      c.riskAssessments = await bulkInsert(tx, 'RiskAssessment', rows.riskAssessments);
      c.assignments = await bulkInsert(tx, 'Assignment', rows.assignments);
      c.inspections = await bulkInsert(tx, 'Inspection', rows.inspections);
      c.assessedPayments = await bulkInsert(tx, 'AssessedPayment', rows.assessedPayments);
      c.payments = await bulkInsert(tx, 'Payment', money.payments);
      c.topUps = await bulkInsert(tx, 'TopUp', money.topUps);
      c.ledgerEntries = await bulkInsert(tx, 'LedgerEntry', money.ledgerEntries);
      step('history');
      // The single window: applications on every desk, the permits companies hold (after the history, whose items they write off).
      await insertMany((a) => tx.storedFile.createMany(a), permits.storedFiles);
      c.permitApplications = await insertMany((a) => tx.permitApplication.createMany(a), permits.applications);
      await insertMany((a) => tx.permitApplicationProduct.createMany(a), permits.products);
      await insertMany((a) => tx.permitApplicationDocument.createMany(a), permits.documents);
      await insertMany((a) => tx.permitApplicationMessage.createMany(a), permits.messages);
      c.permits = await insertMany((a) => tx.permit.createMany(a), permits.permits);
      c.permitLinks = await insertMany((a) => tx.permitLink.createMany(a), permits.links);
      step('permits');
      // Last: the marker the start script checks to seed only once.
      await tx.setting.create({
        data: { key: 'seed.version', value: { version: SEED_VERSION, seededAt: now.toISOString() }, updatedAt: now },
      });
      c.settings += 1;
      return c;
    },
    { maxWait: 30_000, timeout: 300_000 },
  );
  step('done');

  return counts;
}
