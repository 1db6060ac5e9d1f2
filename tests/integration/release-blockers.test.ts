// Issue 13, items 1 and 2: what blocks release is said in words (the trader's next action, the
// officer's page, the timeline), and the formalities check of check-your-answers uses the one
// coverage rule that linking and release use.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import type { Actor } from '@/src/server/actor';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { submitDeclaration } from '@/src/server/declarations/submit';
import { getCheckYourAnswers, getDeclarationOverview } from '@/src/server/declarations/read';
import { getDeclarationPermitLinks, linkPermit } from '@/src/server/permits/links';
import { getDeclarationForOfficer } from '@/src/server/officer/queue';
import { releaseWaits } from '@/lib/officer/declaration-view';
import { AppError } from '@/lib/errors';
import { aDraftInput, aPermit, aPost, aRegisteredDeclaration, aTrader, anInspector } from '../support/factories';
import { withModelState } from '../support/model-state';
import { NOW } from '../support/clock';

const beer = {
  hsCode: '2203000900',
  description: 'Beer',
  originCountry: 'DE',
  grossMass: '2400',
  netMass: '2000',
  quantity: '2000',
  supplementaryUnit: 'L',
  invoiceValue: '4000.00',
};
const laptops = {
  hsCode: '8471300000',
  description: 'Laptops',
  originCountry: 'CN',
  grossMass: '120',
  netMass: '100',
  quantity: '50',
  supplementaryUnit: 'PCS',
  invoiceValue: '6000.00',
};

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('check-your-answers: the formalities check says what linking says', () => {
  let post: Awaited<ReturnType<typeof aPost>>;
  beforeAll(async () => {
    post = await aPost();
    await anInspector(post.id);
  });

  it('a beer line in litres against a permit in kilograms, a 50-piece line against 1 piece left: not satisfied, the reason linking gives, submission allowed', async () => {
    const trader = await aTrader();
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code, items: [beer, laptops] }),
      now: NOW,
    });
    const food = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['2203'],
      quantity: '5000',
      unit: 'KG',
    });
    const coc = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'STD-COC',
      hsCodes: ['8471'],
      quantity: '1',
      unit: 'PCS',
    });

    const check = await getCheckYourAnswers({ actor: trader, declarationId: id, now: NOW });
    expect(check.problems).toEqual([]); // the permits do not stop submission
    const [onBeer] = check.formalities[0].requirements;
    const [onLaptops] = check.formalities[1].requirements;
    expect(onBeer).toMatchObject({
      status: 'MISSING',
      reasonCode: 'UNIT_MISMATCH',
      reason: `permit ${food.number} counts KG, but the item is declared in L`,
    });
    expect(onLaptops).toMatchObject({
      status: 'MISSING',
      reasonCode: 'INSUFFICIENT_QUANTITY',
      reason: `permit ${coc.number} has 1 PCS left, but the item needs 50 PCS`,
    });
    expect(check.formalities.flatMap((f) => f.requirements).some((r) => r.permit || r.linkable)).toBe(false);
    // The list of things to do before submitting names both.
    expect(check.permitBlockers.map((b) => [b.lineNo, b.alternatives, b.reasonCode])).toEqual([
      [1, ['SES-FOOD'], 'UNIT_MISMATCH'],
      [2, ['STD-COC'], 'INSUFFICIENT_QUANTITY'],
    ]);

    // Linking refuses both with the same reasons, and the linking page does not offer them.
    const beerRefusal = await rejection(
      linkPermit({ actor: trader, declarationId: id, input: { lineNo: 1, permitId: food.id }, now: NOW }),
    );
    expect(beerRefusal.fieldErrors[0].message).toContain(onBeer.reason!);
    const laptopRefusal = await rejection(
      linkPermit({ actor: trader, declarationId: id, input: { lineNo: 2, permitId: coc.id }, now: NOW }),
    );
    expect(laptopRefusal.fieldErrors[0].message).toContain(onLaptops.reason!);
    const page = await getDeclarationPermitLinks({ actor: trader, declarationId: id, now: NOW });
    expect(page.items.map((i) => i.candidates.length)).toEqual([0, 0]);

    // The trader may submit all the same.
    const submitted = await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
    expect(submitted.registrationNumber).toMatch(new RegExp(`^${post.code}/`));
  });

  it('a permit that fits is offered to link (not "satisfied"), then satisfied once linked', async () => {
    const trader = await aTrader();
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code, items: [beer] }),
      now: NOW,
    });
    const food = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['2203'],
      quantity: '2000',
      unit: 'L',
    });
    let check = await getCheckYourAnswers({ actor: trader, declarationId: id, now: NOW });
    expect(check.formalities[0].requirements[0]).toMatchObject({
      status: 'MISSING',
      reasonCode: 'NOT_LINKED',
      linkable: { id: food.id, number: food.number },
    });
    expect(check.permitBlockers).toHaveLength(1);
    await linkPermit({ actor: trader, declarationId: id, input: { lineNo: 1, permitId: food.id }, now: NOW });
    check = await getCheckYourAnswers({ actor: trader, declarationId: id, now: NOW });
    expect(check.formalities[0].requirements[0]).toMatchObject({ status: 'SATISFIED', permit: { id: food.id } });
    expect(check.permitBlockers).toEqual([]);
  });
});

describe('a paid green declaration waiting for permits names its blocker', () => {
  let post: Awaited<ReturnType<typeof aPost>>;
  let inspector: Actor;
  beforeAll(async () => {
    post = await aPost();
    inspector = await anInspector(post.id);
  });

  it('to the trader and the officer, until the permit is linked and it is released', async () => {
    const trader = await aTrader();
    const d = await aRegisteredDeclaration({
      companyId: trader.companyId!,
      createdById: trader.userId,
      post,
      registeredAt: NOW,
      status: 'PAID',
      items: [{ hsCode: '2203000900', quantity: '500', supplementaryUnit: 'L', description: 'Beer' }],
    });
    await db.declaration.update({ where: { id: d.id }, data: { channel: 'GREEN' } });
    const inKg = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['2203'],
      quantity: '5000',
      unit: 'KG',
    });

    let overview = await getDeclarationOverview({ actor: trader, declarationId: d.id });
    expect(overview.status).toBe('PAID');
    expect(overview.nextAction).toEqual({ code: 'PROVIDE_PERMITS', count: 1 });
    expect(overview.permitBlockers).toEqual([
      {
        lineNo: 1,
        alternatives: ['SES-FOOD'],
        reasonCode: 'UNIT_MISMATCH',
        reason: `permit ${inKg.number} counts KG, but the item is declared in L`,
        linkable: null,
      },
    ]);

    const officerView = await getDeclarationForOfficer({ actor: inspector, declarationId: d.id, now: NOW });
    expect(
      releaseWaits({
        status: officerView.declaration.status,
        channel: officerView.declaration.channel,
        inspections: officerView.declaration.inspections.map((i) => i.kind),
        amountDue: officerView.payments.due,
        formalities: officerView.formalities,
      }),
    ).toEqual({
      isAutomatic: true,
      lines: [
        {
          key: 'releaseWaitsPermit',
          values: { line: 1, types: 'SES-FOOD', reason: 'no SES-FOOD permit is linked to this item' },
        },
      ],
    });

    // A permit in litres arrives: offered to link; linking it releases the declaration.
    const inLitres = await aPermit({
      companyId: trader.companyId!,
      typeCode: 'SES-FOOD',
      hsCodes: ['2203'],
      quantity: '500',
      unit: 'L',
    });
    overview = await getDeclarationOverview({ actor: trader, declarationId: d.id });
    expect(overview.permitBlockers[0]).toMatchObject({ reasonCode: 'NOT_LINKED', linkable: { id: inLitres.id } });
    const linked = await linkPermit({
      actor: trader,
      declarationId: d.id,
      input: { lineNo: 1, permitId: inLitres.id },
      now: NOW,
    });
    expect(linked.isReleased).toBe(true);
    overview = await getDeclarationOverview({ actor: trader, declarationId: d.id });
    expect(overview.nextAction).toEqual({ code: 'COLLECT_GOODS' });
    expect(overview.permitBlockers).toEqual([]);
  });

  it('the timeline of a green declaration says what its release waits for, naming the permits', async () => {
    const trader = await aTrader();
    // Apples from China at a normal price, a first shipment, no model: green unless the random
    // share picks it (a few percent) — so submit until one is green.
    const apples = {
      hsCode: '0808108000',
      description: 'Apples',
      originCountry: 'CN',
      grossMass: '1100',
      netMass: '1000',
      quantity: '1000',
      supplementaryUnit: 'KG',
      invoiceValue: '10000.00',
    };
    const green = await withModelState(
      async () => {
        for (let attempt = 0; attempt < 10; attempt++) {
          const { id } = await createDeclarationDraft({
            actor: trader,
            input: { ...aDraftInput({ postCode: post.code }), items: [apples] },
            now: NOW,
          });
          const result = await submitDeclaration({ actor: trader, declarationId: id, now: NOW });
          if (result.status === 'ASSESSED') return id;
        }
        throw new Error('no submission went green in 10 attempts');
      },
      { activate: null },
    );
    const assessed = await db.declarationStatusEvent.findFirstOrThrow({
      where: { declarationId: green, toStatus: 'ASSESSED' },
    });
    expect(assessed.reason).toBe(
      'Green channel: released automatically once the payments are settled and the missing permits are linked (item 1: PQ-IMP and SES-FOOD)',
    );
    expect(assessed.reason).not.toContain('as soon as the payments are settled');
  });
});
