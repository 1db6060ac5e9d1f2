import { describe, expect, it } from 'vitest';
import { ZDeclarationListQuery, listQueryParams, parseDeclarationListQuery } from '@/lib/declaration/list-query';

const errorsOf = (raw: Record<string, string>) => parseDeclarationListQuery(raw).fieldErrors;

describe('the declaration list query', () => {
  it('defaults to the newest first, page 1, no filters', () => {
    expect(parseDeclarationListQuery({})).toEqual({ query: { sort: 'created-desc', page: 1 }, fieldErrors: [] });
  });

  it('treats the empty fields a GET form sends as "no filter", not as errors', () => {
    expect(
      parseDeclarationListQuery({
        status: '',
        regime: '',
        post: '',
        from: '',
        to: ' ',
        number: '',
        sort: '',
        page: '',
      }),
    ).toEqual({ query: { sort: 'created-desc', page: 1 }, fieldErrors: [] });
  });

  it('keeps good values', () => {
    const raw = {
      status: 'RELEASED',
      regime: 'IM40',
      post: '26001',
      from: '2026-11-01',
      to: '2026-11-28',
      number: '26001/261128',
      sort: 'number-asc',
      page: '3',
    };
    expect(parseDeclarationListQuery(raw)).toEqual({ query: { ...raw, page: 3 }, fieldErrors: [] });
  });

  it.each([
    ['sort', { sort: 'price-desc' }, 'Sort by one of the columns of the table'],
    ['page', { page: '-3' }, 'The page must be a whole number, 1 or more'],
    ['page', { page: '0' }, 'The page must be a whole number, 1 or more'],
    ['page', { page: '2.5' }, 'The page must be a whole number, 1 or more'],
    ['page', { page: 'two' }, 'The page must be a whole number, 1 or more'],
    ['page', { page: '1000001' }, 'The page must be 1 000 000 or less'],
    ['from', { from: '2026-02-30' }, 'The "registered from" date must be a real date, like 2026-11-28'],
    ['from', { from: '28.11.2026' }, 'The "registered from" date must be a real date, like 2026-11-28'],
    ['to', { to: '2026-13-01' }, 'The "registered to" date must be a real date, like 2026-11-28'],
    [
      'to',
      { from: '2026-11-28', to: '2026-11-01' },
      'The "registered to" date cannot be before the "registered from" date',
    ],
    ['status', { status: 'NOPE' }, 'Choose a status from the list'],
    ['regime', { regime: 'XX99' }, 'Choose a regime from the list'],
    ['post', { post: '2600' }, 'Choose a customs post from the list'],
    ['number', { number: "26001' OR 1=1" }, 'Search the number with digits and slashes only, like 26001/261128'],
  ])('names a bad %s: %j', (path, raw, message) => {
    expect(errorsOf(raw)).toEqual([{ path, message }]);
  });

  it('names every bad parameter at once, and the list still runs without them', () => {
    const { query, fieldErrors } = parseDeclarationListQuery({
      status: 'NOPE',
      page: '-3',
      sort: 'x',
      from: '2026-02-30',
      regime: 'IM40',
    });
    expect(fieldErrors.map((e) => e.path)).toEqual(['status', 'from', 'sort', 'page']);
    expect(query).toEqual({ regime: 'IM40', sort: 'created-desc', page: 1 });
    expect(ZDeclarationListQuery.parse({ status: 'NOPE', page: '-3', sort: 'x', from: '2026-02-30' })).toEqual({
      sort: 'created-desc',
      page: 1,
    });
  });

  it('writes links that keep the filters, leaving out defaults', () => {
    const { query } = parseDeclarationListQuery({
      status: 'DRAFT',
      from: '2026-11-01',
      sort: 'created-desc',
      page: '1',
    });
    expect(listQueryParams(query)).toBe('?status=DRAFT&from=2026-11-01');
    expect(listQueryParams(query, { page: 2, sort: 'number-asc' })).toBe(
      '?status=DRAFT&from=2026-11-01&sort=number-asc&page=2',
    );
    expect(listQueryParams(parseDeclarationListQuery({}).query)).toBe('');
  });
});
