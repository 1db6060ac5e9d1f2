// Post-clearance audit of blue-channel declarations: released at once, audited afterwards (DOMAIN.md
// risk channels). The outcome is an inspection of kind POST_CLEARANCE_AUDIT, linked to the risk
// assessment that chose the channel, so the risk engine learns from it like from any control.
import { z } from 'zod';
import { D } from '../money';
import { DISCREPANCY_TYPES } from '../officer/decisions';
import { decimalString, requiredText } from '../declaration/fields';
import { whenValid } from '../validation';

/** A yes/no radio; a boolean passes as itself, so parsing the parsed input again (action, then use case) gives the same. */
const yesNo = (label: string) =>
  z
    .union([z.boolean(), z.enum(['yes', 'no'])], { error: `Choose whether ${label}` })
    .transform((v) => v === true || v === 'yes');

export const ZPostClearanceAudit = z
  .object({
    findings: requiredText('findings of the audit', 2000, { isMultiline: true }),
    isHit: yesNo('the audit found a discrepancy'),
    isCritical: yesNo('the discrepancy is critical'),
    discrepancyType: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(DISCREPANCY_TYPES, { error: 'Choose the type of discrepancy' }).optional(),
    ),
    additionalRevenue: decimalString('additional revenue', { scale: 2, isPositive: true, allowZero: true }),
  })
  .superRefine(
    (v, ctx) => {
      if (v.isHit && !v.discrepancyType)
        ctx.addIssue({ code: 'custom', path: ['discrepancyType'], message: 'Choose the type of discrepancy found' });
      if (!v.isHit && v.discrepancyType)
        ctx.addIssue({
          code: 'custom',
          path: ['discrepancyType'],
          message:
            'A type of discrepancy goes with a discrepancy found: leave the type empty or answer that one was found',
        });
      if (v.isCritical && !v.isHit)
        ctx.addIssue({ code: 'custom', path: ['isCritical'], message: 'Only a discrepancy can be critical' });
      if (!v.isHit && typeof v.additionalRevenue === 'string' && new D(v.additionalRevenue).gt(0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['additionalRevenue'],
          message: 'Additional revenue comes from a discrepancy: enter 0 or answer that one was found',
        });
      }
    },
    whenValid('isHit', 'isCritical', 'discrepancyType', 'additionalRevenue'),
  );
export type PostClearanceAuditInput = z.output<typeof ZPostClearanceAudit>;

export const AUDIT_FILTERS = ['DUE', 'DONE'] as const;
export type AuditFilter = (typeof AUDIT_FILTERS)[number];
export const ZAuditListQuery = z.object({
  filter: z.enum(AUDIT_FILTERS).catch('DUE'),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});
