// The permit write-off under load: 100 declarations, each with one item linked to the same
// QUANTITY permit, released in parallel (each in its own transaction holding the declaration's row
// lock, as an officer's release does). The permit holds enough for exactly 73 of them: 73 must be
// released, 27 refused, and exactly 5.5 L left — never an overdraw. Printed, never asserted here
// (tests/integration/permits.test.ts asserts the same figures).
//
//   benchPermits()  — called by src/cli/bench.ts on its seeded database (DATABASE_URL set);
//   node --import tsx src/cli/bench-permits.ts — standalone: a fresh seeded database of its own.
import { generateKeyPairSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { printFigures, withSeededDatabase, type BenchFigure } from './bench-support.ts';

const NOW = new Date('2026-11-28T09:30:00Z');
const PARALLEL = 100;
const EACH = '10';
const GRANTED = '735.5';
const EXPECTED_RELEASED = 73;
const EXPECTED_REMAINING = '5.5';

export async function benchPermits(): Promise<BenchFigure[]> {
  // Release signs a release note: a throwaway key when the bench has none (its database is thrown away too).
  process.env.DOCUMENT_SIGNING_KEY ||= generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const { db } = await import('../server/db.ts');
  const { releaseDeclaration } = await import('../server/declarations/release.ts');
  const { hashPassword } = await import('../server/auth/password.ts');
  const { D } = await import('../../lib/money.ts');

  // A company, a post, an inspector and a permit of the bench's own (codes outside the seed's and bench.ts's).
  const suffix = String(Date.now()).slice(-6);
  const company = await db.company.create({
    data: { tin: `48${suffix}1`.slice(0, 9), name: 'Bench Permits LLC', address: 'Tashkent' },
  });
  const post = await db.customsPost.create({
    data: { code: `4${suffix.slice(-4)}`, name: 'Bench permits post', region: 'Bench' },
  });
  const passwordHash = await hashPassword('bench');
  const trader = await db.user.create({
    data: {
      email: `bench-permits-trader-${suffix}@example.uz`,
      name: 'Bench trader',
      passwordHash,
      role: 'TRADER',
      companyId: company.id,
    },
  });
  const inspectorUser = await db.user.create({
    data: {
      email: `bench-permits-inspector-${suffix}@example.uz`,
      name: 'Bench inspector',
      passwordHash,
      role: 'INSPECTOR',
      postId: post.id,
      isOnDuty: true,
      officerNumber: `BENCH-${suffix}`,
    },
  });
  const inspector = {
    userId: inspectorUser.id,
    role: 'INSPECTOR' as const,
    email: inspectorUser.email,
    name: inspectorUser.name,
    companyId: null,
    postId: post.id,
    authorityId: null,
  };
  const permit = await db.permit.create({
    data: {
      number: `SES-FOOD/BENCH/${suffix}`,
      companyId: company.id,
      permitTypeCode: 'SES-FOOD',
      direction: 'IMPORT',
      status: 'ISSUED',
      hsCodes: ['2203'],
      validFrom: new Date('2026-01-01T00:00:00Z'),
      validTo: new Date('2027-12-31T00:00:00Z'),
      quantity: GRANTED,
      remainingQuantity: GRANTED,
      unit: 'L',
      issuedById: inspectorUser.id,
      issuedAt: NOW,
    },
  });

  // 100 registered declarations (nothing assessed, so nothing is due: only the permit gates them).
  const ids: string[] = [];
  for (let i = 1; i <= PARALLEL; i++) {
    const d = await db.declaration.create({
      data: {
        companyId: company.id,
        createdById: trader.id,
        postId: post.id,
        regime: 'IM40',
        status: 'ASSIGNED',
        registrationNumber: `${post.code}/261128/${String(i).padStart(7, '0')}`,
        consignorName: 'Brewery GmbH',
        consignorCountry: 'DE',
        consignorAddress: 'Munich',
        consigneeName: 'Bench Permits LLC',
        consigneeCountry: 'UZ',
        consigneeAddress: 'Tashkent',
        dispatchCountry: 'DE',
        destinationCountry: 'UZ',
        transportMode: 'ROAD',
        transportDocument: 'CMR 1',
        incoterm: 'FCA',
        invoiceCurrency: 'EUR',
        invoiceTotal: '100.00',
        createdAt: NOW,
        submittedAt: NOW,
        registeredAt: NOW,
        items: {
          create: [
            {
              lineNo: 1,
              hsCode: '2203000900',
              description: 'Beer',
              originCountry: 'DE',
              grossMass: '11',
              netMass: '10',
              quantity: EACH,
              supplementaryUnit: 'L',
              invoiceValue: '100.00',
            },
          ],
        },
      },
      include: { items: true },
    });
    await db.permitLink.create({ data: { permitId: permit.id, declarationItemId: d.items[0].id, quantity: EACH } });
    ids.push(d.id);
  }

  const t0 = performance.now();
  const outcomes = await Promise.allSettled(
    ids.map((declarationId) =>
      db.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT id FROM "Declaration" WHERE id = ${declarationId}::uuid FOR UPDATE`;
          return releaseDeclaration(tx, {
            declarationId,
            actor: inspector,
            officerNumber: inspectorUser.officerNumber,
            now: NOW,
          });
        },
        { maxWait: 120_000, timeout: 120_000 },
      ),
    ),
  );
  const elapsed = performance.now() - t0;
  const released = outcomes.filter((o) => o.status === 'fulfilled').length;
  const refused = outcomes.filter(
    (o) => o.status === 'rejected' && (o.reason as { code?: string }).code === 'CONFLICT',
  ).length;
  const other = outcomes.length - released - refused;
  const firstError = outcomes.find(
    (o): o is PromiseRejectedResult => o.status === 'rejected' && (o.reason as { code?: string }).code !== 'CONFLICT',
  );
  if (firstError) console.error('[bench] an unexpected error in a release:', firstError.reason);
  const after = await db.permit.findUniqueOrThrow({ where: { id: permit.id } });
  const remaining = new D(after.remainingQuantity.toString());
  const writtenOff = await db.permitLink.aggregate({
    where: { permitId: permit.id, writtenOffAt: { not: null } },
    _sum: { quantity: true },
  });
  const isExact =
    released === EXPECTED_RELEASED &&
    remaining.eq(EXPECTED_REMAINING) &&
    new D(writtenOff._sum.quantity?.toString() ?? '0').plus(remaining).eq(GRANTED);
  return [
    {
      label: `${PARALLEL} parallel releases on one ${GRANTED} L permit, ${EACH} L each: released / refused / left`,
      target: `${EXPECTED_RELEASED} / ${PARALLEL - EXPECTED_RELEASED} / ${EXPECTED_REMAINING} L`,
      value: `${released} / ${refused}${other ? ` (+${other} errors)` : ''} / ${remaining.toFixed()} L ${isExact ? '(exact, no overdraw)' : '(WRONG)'} in ${elapsed.toFixed(0)} ms`,
    },
  ];
}

async function main() {
  const figures = await withSeededDatabase(
    { prefix: 'csw_bench_permits', log: (line) => console.log(`[bench] ${line}`) },
    async () => {
      const measured = await benchPermits();
      const { disconnectDb } = await import('../server/db.ts');
      await disconnectDb();
      return measured;
    },
  );
  printFigures(figures);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
