import { describe, expect, it } from 'vitest';
import { db } from '@/src/server/db';
import { createDeclarationDraft } from '@/src/server/declarations/drafts';
import { submitDeclaration } from '@/src/server/declarations/submit';
import { getDeclarationOverview, getDeclarationStatus, listCompanyDeclarations } from '@/src/server/declarations/read';
import { ensureDeclarationDocument } from '@/src/server/documents/declaration';
import { aPost, aTrader, aDraftInput } from '../support/factories';
import { NOW } from '../support/clock';
import { ZDeclarationListQuery } from '@/lib/declaration/list-query';

// The trader learns the channel of a declaration and nothing of how it was chosen: neither the
// score, nor the profiles that matched, nor the examiner's instructions (DOMAIN.md; issue 7 §3).
describe('what the trader sees of the risk assessment', () => {
  it('the channel, never the score, the reasons or the instructions', async () => {
    const post = await aPost();
    const secret = 'Cheap-solar-panels-watchlist-7Q';
    const instructions = 'Open every third pallet and weigh-7Q';
    await db.riskProfile.create({
      data: {
        name: secret,
        conditions: { postCodes: [post.code] },
        weight: 0,
        forcedChannel: 'RED',
        instructions,
        validFrom: new Date('2020-01-01T00:00:00Z'),
        isShadow: false,
        isActive: true,
      },
    });
    const trader = await aTrader();
    const { id } = await createDeclarationDraft({
      actor: trader,
      input: aDraftInput({ postCode: post.code }),
      now: NOW,
    });
    await submitDeclaration({ actor: trader, declarationId: id, now: NOW });

    const assessment = await db.riskAssessment.findFirstOrThrow({ where: { declarationId: id } });
    expect(assessment.channel).toBe('RED');
    expect(JSON.stringify(assessment.reasons)).toContain(secret);

    const overview = await getDeclarationOverview({ actor: trader, declarationId: id });
    const status = await getDeclarationStatus({ actor: trader, declarationId: id });
    const list = await listCompanyDeclarations({
      actor: trader,
      query: ZDeclarationListQuery.parse({ number: overview.registrationNumber! }),
    });
    const document = await ensureDeclarationDocument({ actor: trader, declarationId: id, now: NOW });
    expect(overview.channel).toBe('RED');
    expect(status.channel).toBe('RED');

    for (const seen of [overview, status, list, document]) {
      const text = JSON.stringify(seen, (_key, value: unknown) =>
        typeof value === 'bigint' ? value.toString() : value,
      );
      expect(text).not.toContain(secret);
      expect(text).not.toContain(instructions);
      expect(text).not.toMatch(/"(score|reasons|riskAssessments?|modelVersion)"/);
    }
  });
});
