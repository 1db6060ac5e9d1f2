// The trader's own company as the personal account shows it. A trader reads only their own.
import { db } from '../db';
import { assertTrader, type Actor } from '../actor';
import { notFound } from '@/lib/errors';

export async function getOwnCompany(args: { actor: Actor }): Promise<{ name: string }> {
  const { actor } = args;
  assertTrader(actor);
  const company = await db.company.findUnique({ where: { id: actor.companyId }, select: { name: true } });
  if (!company) throw notFound('The company');
  return company;
}

/**
 * The trader's company as a party to a declaration (the consignee of an import): its name and
 * address, and the country it is registered in — Uzbekistan, the country of every TIN the portal
 * registers.
 */
export async function getOwnCompanyAsParty(args: {
  actor: Actor;
}): Promise<{ name: string; country: string; address: string }> {
  const { actor } = args;
  assertTrader(actor);
  const company = await db.company.findUnique({
    where: { id: actor.companyId },
    select: { name: true, address: true },
  });
  if (!company) throw notFound('The company');
  return { name: company.name, country: 'UZ', address: company.address };
}
