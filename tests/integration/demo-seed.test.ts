// The demo seed shows the single window alive: every authority's desk has work in every SLA state,
// the demo companies hold permits, and seeded permits and released declarations print signed
// documents (issued on first request, once) that verify. Other test files share this database:
// this one only reads the seeded rows and issues their documents, which nobody else touches.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { db, Prisma } from '@/src/server/db';
import type { Actor } from '@/src/server/actor';
import { permitPdf } from '@/src/server/permits/document';
import { releaseNoteOf, releaseNotePdf } from '@/src/server/documents/release-note';
import { verifySignedDocument } from '@/src/server/documents/verify';
import { DEFAULT_SLA_WORKING_DAYS, slaClock } from '@/lib/permits';
import { serviceDate } from '@/lib/time';
import messages from '@/lib/i18n/messages/en/signedDocument.json';
import { actorOf } from '../support/factories';
import { SEED_NOW } from '../support/clock';

const t = createTranslator({
  locale: 'en',
  messages: { signedDocument: messages },
  namespace: 'signedDocument',
}) as unknown as (key: string, values?: Record<string, string | number>) => string;

/** Seeded companies only: the factories' TINs start at 400000000, the seed's below. */
const SEEDED = { tin: { lt: '400000000' } };

async function demoActor(email: string): Promise<Actor> {
  return actorOf(await db.user.findUniqueOrThrow({ where: { email } }));
}

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

describe('the seeded single window', () => {
  it('gives every authority applications waiting in every SLA state, and one question to the trader', async () => {
    const authorities = await db.authority.findMany({ select: { code: true } });
    expect(authorities).toHaveLength(6);
    for (const { code } of authorities) {
      const open = await db.permitApplication.findMany({
        where: {
          permitType: { authority: { code } },
          company: SEEDED,
          status: { in: ['SUBMITTED', 'INFO_REQUESTED'] },
        },
        include: { messages: true },
      });
      const submitted = open.filter((a) => a.status === 'SUBMITTED');
      const asked = open.filter((a) => a.status === 'INFO_REQUESTED');
      expect(submitted.length, code).toBeGreaterThanOrEqual(2);
      expect(asked.length, code).toBeGreaterThanOrEqual(1);
      expect(new Set(open.map((a) => a.companyId)).size, code).toBeGreaterThanOrEqual(2);
      for (const a of asked)
        expect(
          a.messages.map((m) => m.authorRole),
          `${code} ${a.number}`,
        ).toEqual(['AGENCY_OFFICER']);
      const states = open.map(
        (a) =>
          slaClock({
            submittedAt: a.submittedAt!,
            messages: a.messages.map((m) => ({
              at: m.at,
              by: m.authorRole === 'TRADER' ? ('TRADER' as const) : ('AUTHORITY' as const),
            })),
            decidedAt: null,
            isWaitingForTrader: a.status === 'INFO_REQUESTED',
            now: SEED_NOW,
            targetWorkingDays: DEFAULT_SLA_WORKING_DAYS,
          }).state,
      );
      expect(new Set(states), code).toEqual(new Set(['ON_TIME', 'DUE_SOON', 'OVERDUE', 'STOPPED']));
      // Submitted, so numbered, each with the type's required documents attached.
      for (const a of open) expect(a.number, code).toMatch(new RegExp(`^A/${a.permitTypeCode}/\\d{4}/\\d{6}$`));
    }
  });

  it('numbers seeded applications and permits 000001, 000002, … per type and year, so the portal’s next number follows on', async () => {
    const [applications, permits] = await Promise.all([
      db.permitApplication.findMany({ where: { company: SEEDED, number: { not: null } }, select: { number: true } }),
      db.permit.findMany({ where: { company: SEEDED }, select: { number: true } }),
    ]);
    for (const numbers of [applications.map((a) => a.number!), permits.map((p) => p.number)]) {
      const byPrefix = new Map<string, number[]>();
      for (const n of numbers) {
        const prefix = n.slice(0, n.lastIndexOf('/') + 1);
        byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), Number(n.slice(prefix.length))]);
      }
      for (const [prefix, sequence] of byPrefix)
        expect(
          sequence.sort((a, b) => a - b),
          prefix,
        ).toEqual(sequence.map((_, i) => i + 1));
    }
  });

  it('gives Silk Road issued permits valid today, one part used by its past declarations, one expired and one revoked', async () => {
    const trader = await demoActor('trader@silkroad.uz');
    const today = serviceDate(SEED_NOW);
    const permits = await db.permit.findMany({ where: { companyId: trader.companyId! }, include: { links: true } });
    const dateOf = (d: Date) => d.toISOString().slice(0, 10);
    const valid = permits.filter(
      (p) => p.status === 'ISSUED' && dateOf(p.validFrom) <= today && today <= dateOf(p.validTo),
    );
    expect(valid.map((p) => p.permitTypeCode).sort()).toEqual(
      expect.arrayContaining(['PQ-IMP', 'SES-FOOD', 'STD-COC']),
    );
    const partUsed = valid.filter((p) => p.remainingQuantity.lt(p.quantity));
    expect(partUsed.length).toBeGreaterThanOrEqual(1);
    for (const p of partUsed)
      expect(p.links.reduce((sum, l) => sum.plus(l.quantity), p.remainingQuantity).toFixed(3)).toBe(
        p.quantity.toFixed(3),
      );
    expect(permits.filter((p) => p.status === 'ISSUED' && dateOf(p.validTo) < today)).toHaveLength(1);
    expect(
      permits.filter((p) => p.status === 'REVOKED').map((p) => [Boolean(p.revokedReason), p.revokedAt! < SEED_NOW]),
    ).toEqual([[true, true]]);
  });

  it('says how every seeded payment was computed: a method and a rate that give its amount', async () => {
    const seeded = Prisma.sql`ap."declarationId" IN (SELECT d.id FROM "Declaration" d JOIN "Company" c ON c.id = d."companyId" WHERE c.tin < '400000000')`;
    const [counts] = await db.$queryRaw<{ total: bigint; unexplained: bigint; wrong: bigint }[]>`
      SELECT count(*) AS total,
             count(*) FILTER (WHERE ap.method IS NULL OR ap.rate IS NULL OR ap."rateUnit" IS NULL) AS unexplained,
             -- A percentage applied to its base gives the amount (half-up to 2 decimals).
             count(*) FILTER (WHERE ap.method IN ('AD_VALOREM', 'PERCENT') AND ap.amount <> round(ap.base * ap.rate / 100, 2)) AS wrong
      FROM "AssessedPayment" ap WHERE ${seeded}`;
    expect(Number(counts.total)).toBeGreaterThan(1000);
    expect(Number(counts.unexplained)).toBe(0);
    expect(Number(counts.wrong)).toBe(0);
  });
});

describe('signed documents of seeded records, issued on first request', () => {
  let trader: Actor;
  beforeAll(async () => {
    trader = await demoActor('trader@silkroad.uz');
  });

  const silkPermit = (typeCode: string, status: 'ISSUED' | 'REVOKED' = 'ISSUED') =>
    db.permit.findFirstOrThrow({
      where: { companyId: trader.companyId!, permitTypeCode: typeCode, status, validTo: { gte: SEED_NOW } },
    });

  it('prints a seeded permit: a PDF whose document, dated with the issue, verifies as genuine and current', async () => {
    const permit = await silkPermit('STD-COC');
    expect(await db.signedDocument.count({ where: { subjectId: permit.id } })).toBe(0);
    const pdf = await permitPdf({ actor: trader, permitId: permit.id, t });
    expect(isPdf(pdf.bytes)).toBe(true);
    const document = await db.signedDocument.findUniqueOrThrow({ where: { number: permit.number } });
    expect(document).toMatchObject({
      kind: 'PERMIT',
      subjectId: permit.id,
      issuedAt: permit.issuedAt,
      revokedAt: null,
    });
    expect(document.payload).toMatchObject({ permitNumber: permit.number, issuedOn: serviceDate(permit.issuedAt) });
    expect(
      (await verifySignedDocument({ number: permit.number, presentedSignature: document.signature })).verdict,
    ).toBe('GENUINE_CURRENT');
    // The issuing authority prints the same document.
    const officer = await demoActor('std.officer@agency.uz');
    expect((await permitPdf({ actor: officer, permitId: permit.id, t })).filename).toBe(pdf.filename);
    expect(await db.signedDocument.count({ where: { subjectId: permit.id } })).toBe(1);
  });

  it('issues exactly one document when a seeded permit is printed twice at once', async () => {
    const permit = await silkPermit('PQ-IMP');
    expect(await db.signedDocument.count({ where: { subjectId: permit.id } })).toBe(0);
    const prints = await Promise.all([
      permitPdf({ actor: trader, permitId: permit.id, t }),
      permitPdf({ actor: trader, permitId: permit.id, t }),
    ]);
    expect(prints.every((p) => isPdf(p.bytes))).toBe(true);
    const documents = await db.signedDocument.findMany({ where: { subjectId: permit.id } });
    expect(documents.map((d) => d.number)).toEqual([permit.number]);
    expect(
      (await verifySignedDocument({ number: permit.number, presentedSignature: documents[0].signature })).verdict,
    ).toBe('GENUINE_CURRENT');
  });

  it('prints a seeded revoked permit whose document verifies as revoked, from the revocation', async () => {
    const permit = await db.permit.findFirstOrThrow({ where: { companyId: trader.companyId!, status: 'REVOKED' } });
    const pdf = await permitPdf({ actor: trader, permitId: permit.id, t });
    expect(isPdf(pdf.bytes)).toBe(true);
    const document = await db.signedDocument.findUniqueOrThrow({ where: { number: permit.number } });
    expect(document).toMatchObject({ issuedAt: permit.issuedAt, revokedAt: permit.revokedAt });
    expect(
      (await verifySignedDocument({ number: permit.number, presentedSignature: document.signature })).verdict,
    ).toBe('REVOKED');
  });

  it('issues the release note of a seeded released declaration, dated with the release and naming the inspector', async () => {
    const declaration = await db.declaration.findFirstOrThrow({
      where: {
        companyId: trader.companyId!,
        status: 'RELEASED',
        events: { some: { toStatus: 'RELEASED', actorRole: 'INSPECTOR' } },
      },
      orderBy: { releasedAt: 'asc' },
      include: { events: { where: { toStatus: 'RELEASED' } } },
    });
    const inspector = await db.user.findUniqueOrThrow({ where: { id: declaration.events[0].actorId! } });
    const { bytes, document } = await releaseNotePdf({ actor: trader, declarationId: declaration.id, t });
    expect(isPdf(bytes)).toBe(true);
    expect(document.number).toBe(`RN/${declaration.registrationNumber}`);
    expect(document.issuedAt).toEqual(declaration.releasedAt);
    expect(document.payload).toMatchObject({
      declarationNumber: declaration.registrationNumber,
      releasedAt: declaration.releasedAt!.toISOString(),
      officerNumber: inspector.officerNumber,
    });
    expect(
      (await verifySignedDocument({ number: document.number, presentedSignature: document.signature })).verdict,
    ).toBe('GENUINE_CURRENT');
    // The officers of its post read the same note.
    const postOfficer = actorOf(
      await db.user.findFirstOrThrow({ where: { role: 'INSPECTOR', postId: declaration.postId } }),
    );
    expect((await releaseNoteOf({ actor: postOfficer, declarationId: declaration.id })).signature).toBe(
      document.signature,
    );
  });

  it('issues one release note when a seeded automatic release is asked for twice at once', async () => {
    const declaration = await db.declaration.findFirstOrThrow({
      where: {
        companyId: trader.companyId!,
        status: 'RELEASED',
        events: { some: { toStatus: 'RELEASED', actorId: null } },
      },
      orderBy: { releasedAt: 'desc' },
    });
    const notes = await Promise.all([
      releaseNoteOf({ actor: trader, declarationId: declaration.id }),
      releaseNoteOf({ actor: trader, declarationId: declaration.id }),
    ]);
    expect(notes[0].signature).toBe(notes[1].signature);
    expect(notes[0].payload.officerNumber).toBe('AUTOMATIC');
    expect(await db.signedDocument.count({ where: { kind: 'RELEASE_NOTE', subjectId: declaration.id } })).toBe(1);
    expect(
      (await verifySignedDocument({ number: notes[0].number, presentedSignature: notes[0].signature })).verdict,
    ).toBe('GENUINE_CURRENT');
  });

  it('still has no note for a declaration that was not released', async () => {
    const refused = await db.declaration.findFirstOrThrow({
      where: { companyId: trader.companyId!, status: { in: ['REFUSED', 'WITHDRAWN'] } },
    });
    await expect(releaseNoteOf({ actor: trader, declarationId: refused.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await db.signedDocument.count({ where: { subjectId: refused.id, kind: 'RELEASE_NOTE' } })).toBe(0);
  });
});
