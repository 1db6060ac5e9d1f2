// npm run bench — performance figures of the portal's hot paths, measured on a real PostgreSQL
// (a fresh database on the test server, seeded with the demo data). Printed, never asserted:
// timed tests would fail on a slow machine.
//
//   npm run bench                                  — every figure
//   node --import tsx src/cli/bench.ts --only=formalities-db — one part (submit, duties, list,
//                                                    formalities, formalities-db, permits)
import { performance } from 'node:perf_hooks';
import { ms, percentile, printFigures, timeRuns, withSeededDatabase, type BenchFigure } from './bench-support.ts';

const figures: BenchFigure[] = [];
const log = (line: string) => console.log(`[bench] ${line}`);
const NOW = new Date('2026-11-28T09:30:00Z');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const PARTS = ['submit', 'duties', 'list', 'formalities', 'formalities-db', 'permits'] as const;
if (only && !(PARTS as readonly string[]).includes(only)) throw new Error(`--only must be one of ${PARTS.join(', ')}`);
const runs = (part: (typeof PARTS)[number]) => !only || only === part;

await withSeededDatabase({ prefix: 'csw_bench', log }, async () => {
  const { db } = await import('../server/db.ts');
  const { createDeclarationDraft } = await import('../server/declarations/drafts.ts');
  const { submitDeclaration } = await import('../server/declarations/submit.ts');
  const { listCompanyDeclarations } = await import('../server/declarations/read.ts');
  const { ZDeclarationListQuery } = await import('../../lib/declaration/list-query.ts');
  const { assessDuties } = await import('../../lib/duties/index.ts');
  const { checkFormalities } = await import('../../lib/permits/index.ts');
  const { loadCatalogue } = await import('../server/permits/catalogue.ts');
  const { hashPassword } = await import('../server/auth/password.ts');
  const { getDeclarationPermitLinks } = await import('../server/permits/links.ts');
  const { releaseBlockers } = await import('../server/declarations/release.ts');
  const { permitRequirements } = await import('../../lib/permits/index.ts');

  // A company, a trader and a post with two inspectors on duty, all of the bench's own.
  const company = await db.company.create({
    data: { tin: '499000001', name: 'Bench Trading LLC', address: 'Tashkent' },
  });
  const post = await db.customsPost.create({ data: { code: '49001', name: 'Bench post', region: 'Bench' } });
  const passwordHash = await hashPassword('bench');
  const trader = await db.user.create({
    data: {
      email: 'bench-trader@example.uz',
      name: 'Bench trader',
      passwordHash,
      role: 'TRADER',
      companyId: company.id,
    },
  });
  for (const n of [1, 2])
    await db.user.create({
      data: {
        email: `bench-inspector-${n}@example.uz`,
        name: `Bench inspector ${n}`,
        passwordHash,
        role: 'INSPECTOR',
        postId: post.id,
        isOnDuty: true,
      },
    });
  const actor = {
    userId: trader.id,
    role: 'TRADER' as const,
    email: trader.email,
    name: trader.name,
    companyId: company.id,
    postId: null,
    authorityId: null,
  };

  // 1. Submit → registered, 5-item declarations.
  if (runs('submit')) {
    const item = (i: number) => ({
      hsCode: i % 2 ? '8471300000' : '0808108000',
      description: `Goods ${i}`,
      originCountry: 'CN',
      grossMass: '120',
      netMass: '100',
      quantity: i % 2 ? '50' : '100',
      supplementaryUnit: i % 2 ? 'PCS' : 'KG',
      invoiceValue: '1000.00',
    });
    const draft = {
      regime: 'IM40',
      postCode: post.code,
      consignorName: 'Shenzhen Tech Ltd',
      consignorCountry: 'CN',
      consignorAddress: 'Shenzhen',
      consigneeName: 'Bench Trading LLC',
      consigneeCountry: 'UZ',
      consigneeAddress: 'Tashkent',
      dispatchCountry: 'CN',
      destinationCountry: 'UZ',
      transportMode: 'ROAD',
      transportDocument: 'CMR 1',
      incoterm: 'FOB',
      invoiceCurrency: 'USD',
      invoiceTotal: '5000.00',
      freight: '300',
      insurance: '20',
      documents: [
        { type: 'INVOICE', number: 'INV-1', date: '2026-11-20' },
        { type: 'TRANSPORT_DOCUMENT', number: 'CMR 1', date: '2026-11-21' },
      ],
      items: [1, 2, 3, 4, 5].map(item),
    };
    const SUBMISSIONS = 220;
    log(`Creating ${SUBMISSIONS} five-item drafts …`);
    const ids: string[] = [];
    for (let i = 0; i < SUBMISSIONS; i++)
      ids.push((await createDeclarationDraft({ actor, input: draft, now: NOW })).id);
    const submitTimes: number[] = [];
    for (const [i, id] of ids.entries()) {
      const t0 = performance.now();
      await submitDeclaration({ actor, declarationId: id, now: NOW });
      if (i >= 20) submitTimes.push(performance.now() - t0); // the first 20 warm the caches and the JIT
    }
    figures.push({
      label: `submit → registered, 5 items, p95 over ${submitTimes.length} (p50 ${ms(percentile(submitTimes, 50))})`,
      target: '< 300 ms',
      value: ms(percentile(submitTimes, 95)),
    });
  }

  // 2. Duty calculation for 999 items.
  if (runs('duties')) {
    const tariff = {
      hsCode: '2203000900',
      dutyType: 'COMBINED' as const,
      adValoremRate: '30',
      specificRate: '0.5',
      specificCurrency: 'USD',
      specificUnit: 'L',
      exciseType: 'SPECIFIC' as const,
      exciseRate: '5000',
      exciseUnit: 'L',
      vatRate: '12',
      exportDutyRate: '0',
    };
    const dutyInput = {
      regime: 'IM40' as const,
      incoterm: 'FOB' as const,
      invoiceCurrency: 'USD',
      freight: '800',
      insurance: '50',
      items: Array.from({ length: 999 }, (_, i) => ({
        lineNo: i + 1,
        invoiceValue: `${100 + (i % 97)}.${String(i % 100).padStart(2, '0')}`,
        netMass: '10',
        quantity: '12',
        supplementaryUnit: 'L',
        tariff,
      })),
      rates: { USD: '12650' },
      fee: { percent: '0.2', floor: '100000.00', cap: '20000000.00' },
    };
    for (let i = 0; i < 5; i++) assessDuties(dutyInput);
    const dutyTimes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      assessDuties(dutyInput);
      dutyTimes.push(performance.now() - t0);
    }
    figures.push({
      label: 'duty calculation, 999 items, median of 30',
      target: '< 50 ms',
      value: ms(percentile(dutyTimes, 50)),
    });
  }

  // 3. The account list's first page with 10,000 declarations for the company.
  if (runs('list')) {
    log('Adding 10,000 declarations for the bench company (generate_series) …');
    await db.$executeRaw`
    INSERT INTO "Declaration" (id, "companyId", "createdById", "postId", regime, status, "registrationNumber", "invoiceCurrency", "invoiceTotal", "createdAt", "updatedAt", "registeredAt", "releasedAt")
    SELECT gen_random_uuid(), ${company.id}::uuid, ${trader.id}::uuid, ${post.id}::uuid, 'IM40', 'RELEASED', '49001/25' || lpad(g::text, 11, '0'), 'USD', 1000, ${NOW}::timestamp - (g || ' minutes')::interval, ${NOW}::timestamp, ${NOW}::timestamp - (g || ' minutes')::interval, ${NOW}::timestamp - (g || ' minutes')::interval
    FROM generate_series(1, 10000) g`;
    await db.$executeRaw`ANALYZE "Declaration"`;
    const query = ZDeclarationListQuery.parse({});
    const listTimes = await timeRuns(40, 5, () => listCompanyDeclarations({ actor, query }));
    const total = (await listCompanyDeclarations({ actor, query })).total;
    figures.push({
      label: `account list, first page, ${total} declarations, p95 of 40`,
      target: '< 100 ms',
      value: ms(percentile(listTimes, 95)),
    });
  }

  // 4. The formalities check of a 999-item declaration: (a) the pure function in memory; (b) the
  // real path, a 999-item declaration in the database with its permits linked, as the linking page
  // and release read it (declaration, items, links, catalogue, permits, then the check).
  const catalogue = await loadCatalogue(db);
  // Every tariff line in turn, so the check cannot lean on a handful of repeated codes.
  const codes = (await db.tariffLine.findMany({ select: { hsCode: true }, orderBy: { hsCode: 'asc' } })).map(
    (l) => l.hsCode,
  );
  if (runs('formalities')) {
    const formalityItems = Array.from({ length: 999 }, (_, i) => ({
      lineNo: i + 1,
      hsCode: codes[i % codes.length],
      quantity: '10',
      unit: 'KG',
    }));
    const permits = Array.from({ length: 50 }, (_, i) => ({
      id: `p${i}`,
      number: `P-${i}`,
      typeCode: catalogue[i % catalogue.length].code,
      companyId: company.id,
      direction: 'IMPORT' as const,
      status: 'ISSUED' as const,
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
      hsCodes: [codes[i % codes.length].slice(0, 4)],
      remainingQuantity: '100000',
      unit: 'KG',
    }));
    const formalitiesTimes: number[] = [];
    for (let i = 0; i < 35; i++) {
      const t0 = performance.now();
      checkFormalities({
        items: formalityItems,
        regime: 'IM40',
        companyId: company.id,
        date: '2026-11-28',
        catalogue,
        permits,
        mode: 'HELD',
      });
      if (i >= 5) formalitiesTimes.push(performance.now() - t0);
    }
    figures.push({
      label: `formalities check, 999 items (${Math.min(999, codes.length)} distinct codes), median of 30`,
      target: '< 50 ms',
      value: ms(percentile(formalitiesTimes, 50)),
    });
  }

  if (runs('formalities-db')) {
    log('Building a 999-item declaration with its permits linked …');
    const officer = await db.user.create({
      data: {
        email: 'bench-permit-officer@example.uz',
        name: 'Bench permit officer',
        passwordHash,
        role: 'INSPECTOR',
        postId: post.id,
        officerNumber: 'BENCH-FORMALITIES',
      },
    });
    const itemCodes = Array.from({ length: 999 }, (_, i) => codes[i % codes.length]);
    // One permit per type the items need (the first alternative of each requirement), covering every prefix it is needed for.
    const neededPrefixes = new Map<string, Set<string>>();
    const itemNeeds = itemCodes.map((hsCode) =>
      permitRequirements({ hsCode, regime: 'IM40' }, catalogue).map((r) => r.alternatives[0]),
    );
    itemNeeds.forEach((types, i) =>
      types.forEach((type) =>
        (neededPrefixes.get(type) ?? neededPrefixes.set(type, new Set()).get(type)!).add(itemCodes[i].slice(0, 4)),
      ),
    );
    const permitOf = new Map<string, string>();
    for (const [type, prefixes] of neededPrefixes) {
      const permit = await db.permit.create({
        data: {
          number: `${type}/BENCH/999`,
          companyId: company.id,
          permitTypeCode: type,
          direction: 'IMPORT',
          status: 'ISSUED',
          hsCodes: [...prefixes],
          validFrom: new Date('2026-01-01T00:00:00Z'),
          validTo: new Date('2027-12-31T00:00:00Z'),
          quantity: '1000000',
          remainingQuantity: '1000000',
          unit: 'KG',
          issuedById: officer.id,
          issuedAt: NOW,
        },
      });
      permitOf.set(type, permit.id);
    }
    const big = await db.declaration.create({
      data: {
        companyId: company.id,
        createdById: trader.id,
        postId: post.id,
        regime: 'IM40',
        status: 'ASSIGNED',
        registrationNumber: '49001/261128/9999999',
        consignorName: 'Shenzhen Tech Ltd',
        consignorCountry: 'CN',
        consignorAddress: 'Shenzhen',
        consigneeName: 'Bench Trading LLC',
        consigneeCountry: 'UZ',
        consigneeAddress: 'Tashkent',
        dispatchCountry: 'CN',
        destinationCountry: 'UZ',
        transportMode: 'ROAD',
        transportDocument: 'CMR 1',
        incoterm: 'FOB',
        invoiceCurrency: 'USD',
        invoiceTotal: '99900.00',
        createdAt: NOW,
        submittedAt: NOW,
        registeredAt: NOW,
        items: {
          create: itemCodes.map((hsCode, i) => ({
            lineNo: i + 1,
            hsCode,
            description: `Goods ${i + 1}`,
            originCountry: 'CN',
            grossMass: '11',
            netMass: '10',
            quantity: '10',
            supplementaryUnit: 'KG',
            invoiceValue: '100.00',
          })),
        },
      },
      select: { id: true, items: { orderBy: { lineNo: 'asc' }, select: { id: true } } },
    });
    const links = big.items.flatMap((item, i) =>
      [...new Set(itemNeeds[i])].map((type) => ({
        permitId: permitOf.get(type)!,
        declarationItemId: item.id,
        quantity: '10',
      })),
    );
    await db.permitLink.createMany({ data: links });
    await db.$executeRaw`ANALYZE "DeclarationItem"`;
    await db.$executeRaw`ANALYZE "PermitLink"`;

    const page = await getDeclarationPermitLinks({ actor, declarationId: big.id, now: NOW });
    const blockers = await db.$transaction((tx) => releaseBlockers(tx, big.id, NOW));
    const permitMissing = blockers.filter((b) => b.code === 'PERMIT_MISSING').length;
    log(
      `999 items, ${links.length} links to ${permitOf.size} permits; linking page shows ${page.items.length} items; ${permitMissing} permit blockers at release`,
    );
    const pageTimes = await timeRuns(20, 3, () =>
      getDeclarationPermitLinks({ actor, declarationId: big.id, now: NOW }),
    );
    figures.push({
      label: `linking page (getDeclarationPermitLinks), 999 items in the database, ${links.length} links, p95 of 20 (p50 ${ms(percentile(pageTimes, 50))})`,
      target: '—',
      value: ms(percentile(pageTimes, 95)),
    });
    // As release evaluates it: in a transaction, the linked permits locked FOR UPDATE.
    const releaseTimes = await timeRuns(20, 3, () => db.$transaction((tx) => releaseBlockers(tx, big.id, NOW)));
    figures.push({
      label: `release's formalities check (releaseBlockers), 999 items, ${permitOf.size} permits locked, p95 of 20 (p50 ${ms(percentile(releaseTimes, 50))})`,
      target: '—',
      value: ms(percentile(releaseTimes, 95)),
    });
  }

  // 5. Permits: 100 parallel releases drawing on one permit.
  if (runs('permits')) {
    const { benchPermits } = await import('./bench-permits.ts');
    figures.push(...(await benchPermits()));
  }

  await db.$disconnect();
});

printFigures(figures);
