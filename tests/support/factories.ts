// Factories for integration tests: each builds real rows through Prisma (no mocks), with values
// unique per worker so test files can run in parallel on one database.
import { db, Prisma } from '@/src/server/db';
import type { Actor } from '@/src/server/actor';
import type { Role } from '@/lib/auth/roles';
import type { DeclarationDraftInput } from '@/lib/declaration/schema';
import { hashPassword } from '@/src/server/auth/password';

const worker = Number(process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? 1) % 40;
let counter = 0;
const next = () => ++counter;

/** 5-digit post codes and 9-digit TINs, disjoint between workers. */
export const uniquePostCode = () => String(40000 + worker * 1000 + next()); // the seed's posts are below 40000
export const uniqueTin = () => String(400000000 + worker * 1_000_000 + next());
export const uniqueEmail = (role: string) => `${role.toLowerCase()}-${worker}-${next()}-${Date.now()}@test.uz`;

// Test files run one after another in fresh processes that may reuse a pool id (so the counter
// restarts): a code already taken by an earlier file is skipped, not an error.
async function withFreshValue<T>(make: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await make();
    } catch (e) {
      if (attempt >= 1000 || !(e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')) throw e;
    }
  }
}

export async function aPost(overrides: { code?: string } = {}) {
  if (overrides.code) return db.customsPost.create({ data: { code: overrides.code, name: `Test post ${overrides.code}`, region: 'Test region' } });
  return withFreshValue(() => {
    const code = uniquePostCode();
    return db.customsPost.create({ data: { code, name: `Test post ${code}`, region: 'Test region' } });
  });
}

/**
 * A risk profile that forces a channel for every declaration of a post: tests that need the officer
 * path (yellow/red) or the green path do not depend on the model's or the random draw's verdict.
 */
export async function aForcedChannel(postCode: string, channel: 'GREEN' | 'YELLOW' | 'RED' | 'BLUE' = 'YELLOW') {
  return db.riskProfile.create({
    data: { name: `Test: ${channel} at post ${postCode}`, conditions: { postCodes: [postCode] }, weight: 0, forcedChannel: channel, validFrom: new Date('2020-01-01T00:00:00Z'), isShadow: false, isActive: true },
  });
}

/** A post whose declarations all go to its officers (a forced-yellow profile). */
export async function anInspectedPost() {
  const post = await aPost();
  await aForcedChannel(post.code, 'YELLOW');
  return post;
}

export async function aCompany(overrides: { isAuthorisedEconomicOperator?: boolean } = {}) {
  return withFreshValue(() => {
    const tin = uniqueTin();
    return db.company.create({ data: { tin, name: `Test company ${tin}`, address: 'Tashkent, test street 1', isAuthorisedEconomicOperator: overrides.isAuthorisedEconomicOperator ?? false } });
  });
}

let passwordHash: Promise<string> | null = null;
export const TEST_PASSWORD = 'Test#Password1';

export async function aUser(args: { role: Role; companyId?: string; postId?: string; authorityId?: string; isOnDuty?: boolean; isActive?: boolean; email?: string }) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      email: args.email ?? uniqueEmail(args.role),
      name: `Test ${args.role.toLowerCase()}`,
      passwordHash: await passwordHash,
      role: args.role,
      companyId: args.companyId,
      postId: args.postId,
      authorityId: args.authorityId,
      isOnDuty: args.isOnDuty ?? false,
      isActive: args.isActive ?? true,
      officerNumber: args.role === 'INSPECTOR' || args.role === 'SUPERVISOR' ? `T-${worker}-${next()}-${Date.now()}` : null,
    },
  });
}

export function actorOf(user: { id: string; role: Role; email: string; name: string; companyId: string | null; postId: string | null; authorityId: string | null }): Actor {
  return { userId: user.id, role: user.role, email: user.email, name: user.name, companyId: user.companyId, postId: user.postId, authorityId: user.authorityId };
}

export async function aTrader(overrides: { companyId?: string } = {}) {
  const companyId = overrides.companyId ?? (await aCompany()).id;
  return actorOf(await aUser({ role: 'TRADER', companyId }));
}

export async function anInspector(postId: string, overrides: { isOnDuty?: boolean } = {}) {
  return actorOf(await aUser({ role: 'INSPECTOR', postId, isOnDuty: overrides.isOnDuty ?? true }));
}

export function aDraftInput(overrides: Partial<DeclarationDraftInput> & { postCode: string }): DeclarationDraftInput {
  return {
    regime: 'IM40',
    consignorName: 'Shenzhen Tech Ltd',
    consignorCountry: 'CN',
    consignorAddress: 'Shenzhen, Nanshan district 1',
    consigneeName: 'Test consignee LLC',
    consigneeCountry: 'UZ',
    consigneeAddress: 'Tashkent, Amir Temur 107',
    dispatchCountry: 'CN',
    destinationCountry: 'UZ',
    transportMode: 'ROAD',
    transportDocument: 'CMR 4471023',
    incoterm: 'FOB',
    documents: [
      { type: 'INVOICE', number: 'INV-2026-001', date: '2026-11-20' },
      { type: 'TRANSPORT_DOCUMENT', number: 'CMR 4471023', date: '2026-11-21' },
    ],
    invoiceCurrency: 'USD',
    invoiceTotal: '10000.00',
    freight: '800.00',
    insurance: '50.00',
    items: [
      { hsCode: '8471300000', description: 'Laptops', originCountry: 'CN', grossMass: '120', netMass: '100', quantity: '50', supplementaryUnit: 'PCS', invoiceValue: '6000.00' },
      { hsCode: '2203000900', description: 'Beer', originCountry: 'DE', grossMass: '2400', netMass: '2000', quantity: '2000', supplementaryUnit: 'L', invoiceValue: '4000.00' },
    ],
    ...overrides,
  };
}
