// Demo risk profiles a supervisor would keep: a few standing rules of the service. The engine adds
// the learned model, value control and random selection on top.
import { seedUuid } from './ids.ts';

export function buildRiskProfiles(now: Date) {
  const validFrom = new Date(Date.UTC(now.getUTCFullYear() - 1, 0, 1));
  const profile = (
    key: string,
    p: {
      name: string;
      conditions: object;
      weight?: number;
      forcedChannel?: 'YELLOW' | 'RED' | null;
      instructions: string;
      isShadow?: boolean;
    },
  ) => ({
    id: seedUuid(`risk-profile:${key}`),
    name: p.name,
    conditions: p.conditions,
    weight: p.weight ?? 0,
    forcedChannel: p.forcedChannel ?? null,
    instructions: p.instructions,
    validFrom,
    validTo: null,
    isShadow: p.isShadow ?? false,
    isActive: true,
    createdAt: now,
    updatedAt: now,
  });
  return [
    profile('electronics-coc', {
      name: 'Computers and phones: certificate of conformity',
      conditions: { hsPrefixes: ['8471', '8517'], regimes: ['IM40'] },
      forcedChannel: 'YELLOW',
      instructions: 'Check the certificate of conformity (STD-COC) and the invoice against the contract.',
    }),
    profile('cars-red', {
      name: 'Passenger cars: physical examination',
      conditions: { hsPrefixes: ['8703'], regimes: ['IM40'] },
      forcedChannel: 'RED',
      instructions: 'Check the VIN, the year of manufacture and the engine capacity against the documents.',
    }),
    profile('steel-structures-red', {
      name: 'Steel structures: weight and grade check',
      conditions: { hsPrefixes: ['7308'], regimes: ['IM40'] },
      forcedChannel: 'RED',
      instructions: 'Weigh the consignment and check the steel grade against the mill certificate.',
    }),
    profile('textiles-undervaluation', {
      name: 'Garments from high-risk origins: undervaluation',
      conditions: { hsPrefixes: ['61', '62'], originCountries: ['CN', 'TR', 'BD'] },
      weight: 30,
      instructions: 'Compare the declared unit price with the reference price; ask for the payment documents.',
    }),
    profile('first-shipment', {
      name: 'First shipment of a trader',
      conditions: { isFirstShipment: true },
      weight: 20,
      instructions: 'First declaration of this trader: check the contract and the consignee’s registration.',
    }),
    profile('tobacco-shadow', {
      name: 'Cigarettes by air (trial, shadow mode)',
      conditions: { hsPrefixes: ['2402'], transportModes: ['AIR'] },
      weight: 40,
      instructions: 'Trial profile: evaluated and recorded, not applied.',
      isShadow: true,
    }),
  ];
}
