import { describe, expect, it } from 'vitest';
import { ZPostClearanceAudit } from '@/lib/audits/post-clearance';
import { fieldErrorsOf } from '@/lib/validation';

const hit = {
  findings: 'Second invoice paid abroad',
  isHit: 'yes',
  isCritical: 'no',
  discrepancyType: 'UNDERVALUATION',
  additionalRevenue: '250 000',
};
const errorsOf = (input: object) => {
  const r = ZPostClearanceAudit.safeParse(input);
  return r.success ? [] : fieldErrorsOf(r.error);
};

describe('the post-clearance audit form', () => {
  it('reads the radios as booleans and the revenue as a decimal string, and reads its own output the same', () => {
    const once = ZPostClearanceAudit.parse(hit);
    expect(once).toEqual({
      findings: 'Second invoice paid abroad',
      isHit: true,
      isCritical: false,
      discrepancyType: 'UNDERVALUATION',
      additionalRevenue: '250000',
    });
    // The server action parses the form, then the use case parses what it was given.
    expect(ZPostClearanceAudit.parse(once)).toEqual(once);
  });

  it.each([
    [{ ...hit, findings: '  ' }, [['findings', 'Enter the findings of the audit']]],
    [{ ...hit, isHit: undefined }, [['isHit', 'Choose whether the audit found a discrepancy']]],
    [{ ...hit, discrepancyType: '' }, [['discrepancyType', 'Choose the type of discrepancy found']]],
    [{ ...hit, discrepancyType: 'SMUGGLING' }, [['discrepancyType', 'Choose the type of discrepancy']]],
    [
      { ...hit, isHit: 'no', discrepancyType: '', isCritical: 'yes', additionalRevenue: '0' },
      [['isCritical', 'Only a discrepancy can be critical']],
    ],
    [
      { ...hit, isHit: 'no', discrepancyType: '' },
      [['additionalRevenue', 'Additional revenue comes from a discrepancy: enter 0 or answer that one was found']],
    ],
    [{ ...hit, additionalRevenue: '-1' }, [['additionalRevenue', 'The additional revenue must be 0 or more']]],
  ])('%j is refused with its field named', (input, expected) => {
    expect(errorsOf(input).map((e) => [e.path, e.message])).toEqual(expected);
  });
});
