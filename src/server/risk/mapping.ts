// A stored declaration item → the engine's RiskItem. Training (training.ts) and scoring
// (assess.ts) both use this one mapping, as risk:eval uses lib/risk/dataset.ts for the benchmark.
import type { RiskItem } from '@/lib/risk/features';
import { TRANSPORT_MODE_CODE, type TransportMode } from '@/lib/reference/customs';

export type MappableItem = {
  hsCode: string;
  originCountry: string;
  netMass: { toString(): string };
  customsValue: { toString(): string } | null;
  invoiceValue: { toString(): string };
};
export type MappableDeclaration = {
  regime: string;
  registeredAt: Date | null;
  createdById: string;
  consignorName: string | null;
  dispatchCountry: string | null;
  transportMode: string | null;
  post: { code: string } | null;
  company: { tin: string };
};

export function toRiskItem(d: MappableDeclaration, item: MappableItem, tariffRate: number, dutyType: string): RiskItem {
  return {
    date: (d.registeredAt ?? new Date(0)).toISOString().slice(0, 10),
    office: d.post?.code ?? '',
    declarant: d.createdById,
    importer: d.company.tin,
    seller: d.consignorName?.trim().toLowerCase() ?? null,
    courier: null,
    hs6: item.hsCode.slice(0, 6),
    hs10: item.hsCode,
    originCountry: item.originCountry,
    departureCountry: d.dispatchCountry ?? '',
    transportMode: d.transportMode ? (TRANSPORT_MODE_CODE[d.transportMode as TransportMode] ?? '') : '',
    procedure: d.regime,
    taxRate: tariffRate,
    taxType: dutyType,
    netMass: Number(item.netMass.toString()),
    value: Number((item.customsValue ?? item.invoiceValue).toString()),
  };
}
