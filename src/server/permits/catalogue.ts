// The permit catalogue and the permits a company holds, as the pure rules (lib/permits) need them.
import type { Tx } from '../db';
import type { PrismaClient } from '@/src/generated/prisma/client';
import type { HeldPermit, PermitTypeRule } from '@/lib/permits';
import { dateColumnDay } from '@/lib/time';

type Reader = Tx | PrismaClient;

export async function loadCatalogue(reader: Reader): Promise<PermitTypeRule[]> {
  const types = await reader.permitType.findMany({
    orderBy: { code: 'asc' },
    include: { authority: { select: { code: true } } },
  });
  return types.map((t) => ({
    code: t.code,
    authorityCode: t.authority.code,
    directions: t.directions,
    hsPrefixes: t.hsPrefixes,
    scope: t.scope,
    isActive: t.isActive,
  }));
}

export async function loadCompanyPermits(
  reader: Reader,
  companyId: string,
  permitIds?: readonly string[],
): Promise<HeldPermit[]> {
  const permits = await reader.permit.findMany({
    where: { companyId, ...(permitIds ? { id: { in: [...permitIds] } } : {}) },
  });
  return permits.map((p) => ({
    id: p.id,
    number: p.number,
    typeCode: p.permitTypeCode,
    companyId: p.companyId,
    direction: p.direction,
    status: p.status,
    validFrom: dateColumnDay(p.validFrom),
    validTo: dateColumnDay(p.validTo),
    hsCodes: p.hsCodes,
    remainingQuantity: p.remainingQuantity.toString(),
    unit: p.unit,
  }));
}
