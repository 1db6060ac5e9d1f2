import { describe, expect, it } from 'vitest';
import { ZServiceSettings } from '@/lib/admin/service-settings';
import { fieldErrorsOf } from '@/lib/validation';

const good = { yellowTargetMinutes: '240', redTargetMinutes: '2880', fourEyesLimit: '10 000 000.00' };
const errorsOf = (input: object) => {
  const r = ZServiceSettings.safeParse({ ...good, ...input });
  return r.success ? [] : fieldErrorsOf(r.error);
};

describe('the service settings form', () => {
  it('reads minutes as whole numbers and the limit as a decimal string', () => {
    expect(ZServiceSettings.parse(good)).toEqual({
      yellowTargetMinutes: 240,
      redTargetMinutes: 2880,
      fourEyesLimit: '10000000',
    });
  });

  it.each([
    [
      { yellowTargetMinutes: '' },
      'yellowTargetMinutes',
      'Enter the yellow channel target in minutes, a whole number from 5 to 43200',
    ],
    [{ yellowTargetMinutes: '4' }, 'yellowTargetMinutes', 'The yellow channel target must be at least 5 minutes'],
    [
      { yellowTargetMinutes: '2.5' },
      'yellowTargetMinutes',
      'Enter the yellow channel target in minutes, a whole number from 5 to 43200',
    ],
    [
      { redTargetMinutes: '43201' },
      'redTargetMinutes',
      'The red channel target can be at most 43200 minutes (30 days)',
    ],
    [
      { redTargetMinutes: 'two days' },
      'redTargetMinutes',
      'Enter the red channel target in minutes, a whole number from 5 to 43200',
    ],
    [
      { yellowTargetMinutes: '600', redTargetMinutes: '300' },
      'redTargetMinutes',
      'The red channel target cannot be shorter than the yellow one',
    ],
    [{ fourEyesLimit: '0' }, 'fourEyesLimit', 'The four-eyes limit must be more than 0'],
    [{ fourEyesLimit: '-5' }, 'fourEyesLimit', 'The four-eyes limit must be more than 0'],
    [{ fourEyesLimit: '100.005' }, 'fourEyesLimit', 'The four-eyes limit can have at most 2 decimal places'],
    [
      { fourEyesLimit: '1000000000000.01' },
      'fourEyesLimit',
      'The four-eyes limit can be at most 1 000 000 000 000.00 UZS',
    ],
  ])('%j is refused on %s', (input, path, message) => {
    expect(errorsOf(input)).toEqual([{ path, message }]);
  });

  it('names every bad field at once', () => {
    expect(errorsOf({ yellowTargetMinutes: 'x', redTargetMinutes: '', fourEyesLimit: '' }).map((e) => e.path)).toEqual([
      'yellowTargetMinutes',
      'redTargetMinutes',
      'fourEyesLimit',
    ]);
  });
});
