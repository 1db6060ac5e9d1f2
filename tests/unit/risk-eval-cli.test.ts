import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { datasetItems, missingColumns, parseCsv } from '@/lib/risk/dataset';

const FIXTURES = 'tests/fixtures/risk';
const runEval = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'src/cli/risk-eval.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('benchmark CSV mapping', () => {
  it('maps a row onto a RiskItem with its labels and revenue proxy', () => {
    const rows = datasetItems(parseCsv(fs.readFileSync(`${FIXTURES}/declarations.csv`, 'utf8')));
    expect(rows.length).toBe(120);
    // 97061800,2020-01-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,440890,BE,BE,0.0,FEU1,G,108.0,372254.4,0,0
    expect(rows[0]).toEqual({
      item: {
        date: '2020-01-01',
        office: '30',
        declarant: 'ZZR1LT6',
        importer: 'QLRUBN9',
        seller: '0VKY2BR',
        courier: null,
        hs6: '440890',
        originCountry: 'BE',
        departureCountry: 'BE',
        transportMode: '10',
        procedure: '11',
        taxRate: 0,
        taxType: 'FEU1',
        netMass: 108,
        value: 372254.4,
        extra: { processType: 'B', importUse: '21', paymentType: '11', originIndicator: 'G' },
      },
      fraud: 0,
      criticalFraud: 0,
      revenue: 0,
    });
    const second = rows[1]; // Tax Rate 8.0, Item Price 375751.2
    expect(second.revenue).toBeCloseTo(375751.2 * 0.08, 6);
    expect(rows.filter((r) => r.fraud).length).toBe(18);
  });

  it('names missing columns', () => {
    expect(
      missingColumns(parseCsv(fs.readFileSync(`${FIXTURES}/declarations-missing-tax-rate.csv`, 'utf8')).header),
    ).toEqual(['Tax Rate']);
  });
});

describe('risk-eval CLI', () => {
  it('exits non-zero naming the missing column', () => {
    const r = runEval(
      '--train',
      `${FIXTURES}/declarations.csv`,
      '--test',
      `${FIXTURES}/declarations-missing-tax-rate.csv`,
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('Tax Rate');
  }, 60_000);

  it('refuses to run without --test', () => {
    const r = runEval('--train', `${FIXTURES}/declarations.csv`);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('test');
  }, 60_000);

  it('trains, scores and ends with the precision@5% line, identically twice', () => {
    const args = ['--train', `${FIXTURES}/declarations.csv`, '--test', `${FIXTURES}/declarations.csv`];
    const first = runEval(...args);
    expect(first.status).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^precision@5%: [01]\.\d{3}$/);
    expect(first.stdout).toMatch(/AUC: /);
    expect(first.stdout).toMatch(/items\/s/);
    const stable = (out: string) =>
      out
        .split('\n')
        .filter((l) => !/items\/s|training:/.test(l))
        .join('\n');
    expect(stable(runEval(...args).stdout)).toBe(stable(first.stdout));
  }, 120_000);
});
