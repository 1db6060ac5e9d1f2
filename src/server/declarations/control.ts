// Running the format-logic control (lib/declaration/control.ts) on a stored declaration: the
// server loads what the rules need (tariff lines of the items, active posts) and maps the rows.
import type { Tx } from '../db';
import type { PrismaClient } from '@/src/generated/prisma/client';
import type { FieldError } from '@/lib/errors';
import { controlDeclaration, type ControlDeclaration } from '@/lib/declaration/control';
import { dateColumnDay, serviceDate } from '@/lib/time';
import { loadTariff } from './assessment';

type Reader = Tx | PrismaClient;
type Num = { toString(): string } | null;

export type ControllableDeclaration = {
  regime: string;
  company: { tin: string };
  post: { code: string } | null;
  consignorName: string | null;
  consignorCountry: string | null;
  consignorAddress: string | null;
  consigneeName: string | null;
  consigneeCountry: string | null;
  consigneeAddress: string | null;
  dispatchCountry: string | null;
  destinationCountry: string | null;
  transportMode: string | null;
  transportDocument: string | null;
  incoterm: string | null;
  invoiceCurrency: string | null;
  invoiceTotal: Num;
  freight: Num;
  insurance: Num;
  items: Array<{ hsCode: string; description: string; originCountry: string; grossMass: Num; netMass: Num; quantity: Num; supplementaryUnit: string; invoiceValue: Num }>;
  documents: Array<{ type: string; number: string; date: Date }>;
};

const str = (v: Num) => (v === null ? null : v.toString());

export function toControlDeclaration(d: ControllableDeclaration): ControlDeclaration {
  return {
    regime: d.regime,
    declarantTin: d.company.tin,
    postCode: d.post?.code ?? null,
    consignorName: d.consignorName,
    consignorCountry: d.consignorCountry,
    consignorAddress: d.consignorAddress,
    consigneeName: d.consigneeName,
    consigneeCountry: d.consigneeCountry,
    consigneeAddress: d.consigneeAddress,
    dispatchCountry: d.dispatchCountry,
    destinationCountry: d.destinationCountry,
    transportMode: d.transportMode,
    transportDocument: d.transportDocument,
    incoterm: d.incoterm,
    invoiceCurrency: d.invoiceCurrency,
    invoiceTotal: str(d.invoiceTotal),
    freight: str(d.freight),
    insurance: str(d.insurance),
    items: d.items.map((i) => ({
      hsCode: i.hsCode,
      description: i.description,
      originCountry: i.originCountry,
      grossMass: str(i.grossMass),
      netMass: str(i.netMass),
      quantity: str(i.quantity),
      supplementaryUnit: i.supplementaryUnit,
      invoiceValue: str(i.invoiceValue),
    })),
    documents: d.documents.map((doc) => ({ type: doc.type, number: doc.number, date: dateColumnDay(doc.date) })),
  };
}

export async function runControl(reader: Reader, d: ControllableDeclaration, now: Date): Promise<FieldError[]> {
  // Sequential: inside a transaction there is one connection, and pg does not queue queries on it.
  const tariff = await loadTariff(reader, d.items.map((i) => i.hsCode));
  const posts = await reader.customsPost.findMany({ where: { isActive: true }, select: { code: true } });
  return controlDeclaration(toControlDeclaration(d), { today: serviceDate(now), tariff, postCodes: new Set(posts.map((p) => p.code)) });
}
