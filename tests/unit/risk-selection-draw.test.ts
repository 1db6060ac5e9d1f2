// The random selection's draw moved from a hand-rolled SHA-256/HMAC in lib/ to node:crypto in
// src/server. The values below were produced by the hand-rolled code (lib/risk/keyed-hash.ts with
// keyedUniform and isRandomlySelected of lib/) before it was deleted: the same secret and declaration
// must give the same draw, bit for bit, or past assessments and the seeded demo stop being reproducible.
import { describe, expect, it } from 'vitest';
import { keyedSelectionDraw, keyedUniform, isRandomlySelected } from '@/src/server/risk/selection-key';

// [secret, message, draw]: the first 48 bits of HMAC-SHA-256(secret, message) over 2^48, exact doubles.
const DRAWS: Array<[string, string, number]> = [
  ['', 'risk-selection:d-1', 0.01571382801212806],
  ['', 'risk-selection:3f2b7a1e-0c4d-4e5f-9a8b-1c2d3e4f5a6b', 0.8256483568404995],
  ['', 'risk-selection:', 0.5741523571052802],
  ['', 'risk-selection:черновик-7', 0.10372840324328436],
  ['', 'risk-selection:' + 'x'.repeat(120), 0.19840426303660763],
  ['k', 'risk-selection:d-1', 0.8055575178359042],
  ['k', 'risk-selection:3f2b7a1e-0c4d-4e5f-9a8b-1c2d3e4f5a6b', 0.8210901641796902],
  ['k', 'risk-selection:', 0.36518194750897237],
  ['k', 'risk-selection:черновик-7', 0.47001204625528814],
  ['k', 'risk-selection:' + 'x'.repeat(120), 0.3357752136365697],
  ['test-selection-secret', 'risk-selection:d-1', 0.046077319001380346],
  ['test-selection-secret', 'risk-selection:3f2b7a1e-0c4d-4e5f-9a8b-1c2d3e4f5a6b', 0.676222787592895],
  ['test-selection-secret', 'risk-selection:', 0.1428584363609282],
  ['test-selection-secret', 'risk-selection:черновик-7', 0.6136269356817863],
  ['test-selection-secret', 'risk-selection:' + 'x'.repeat(120), 0.24564945750349665],
  ['secret-a', 'risk-selection:d-1', 0.67455072765393],
  ['secret-a', 'risk-selection:3f2b7a1e-0c4d-4e5f-9a8b-1c2d3e4f5a6b', 0.9200943473501475],
  ['secret-a', 'risk-selection:', 0.5231289121064684],
  ['secret-a', 'risk-selection:черновик-7', 0.24420305451963742],
  ['secret-a', 'risk-selection:' + 'x'.repeat(120), 0.4424053449951124],
  ['a'.repeat(64), 'risk-selection:d-1', 0.3343178541785612],
  ['a'.repeat(64), 'risk-selection:3f2b7a1e-0c4d-4e5f-9a8b-1c2d3e4f5a6b', 0.03868156718040794],
  ['a'.repeat(64), 'risk-selection:', 0.4473683851234007],
  ['a'.repeat(64), 'risk-selection:черновик-7', 0.7645223348697279],
  ['a'.repeat(64), 'risk-selection:' + 'x'.repeat(120), 0.023827458334423568],
  ['b'.repeat(65), 'risk-selection:d-1', 0.16834099880437492],
  ['b'.repeat(65), 'risk-selection:3f2b7a1e-0c4d-4e5f-9a8b-1c2d3e4f5a6b', 0.8881601995916171],
  ['b'.repeat(65), 'risk-selection:', 0.15309178142966928],
  ['b'.repeat(65), 'risk-selection:черновик-7', 0.524752592474556],
  ['b'.repeat(65), 'risk-selection:' + 'x'.repeat(120), 0.25878599361587007],
  ['секрет-ключ', 'risk-selection:d-1', 0.08100293861154029],
  ['секрет-ключ', 'risk-selection:3f2b7a1e-0c4d-4e5f-9a8b-1c2d3e4f5a6b', 0.28162813361353756],
  ['секрет-ключ', 'risk-selection:', 0.5787332035129822],
  ['секрет-ключ', 'risk-selection:черновик-7', 0.18023389542971913],
  ['секрет-ключ', 'risk-selection:' + 'x'.repeat(120), 0.0072247887444341075],
  ['Jq3v0Yk4mG8wX1bZr9TqLs2uN6pCe5Hd7aFjKoWiVyE', 'risk-selection:d-1', 0.849660246211883],
  [
    'Jq3v0Yk4mG8wX1bZr9TqLs2uN6pCe5Hd7aFjKoWiVyE',
    'risk-selection:3f2b7a1e-0c4d-4e5f-9a8b-1c2d3e4f5a6b',
    0.3151334169495179,
  ],
  ['Jq3v0Yk4mG8wX1bZr9TqLs2uN6pCe5Hd7aFjKoWiVyE', 'risk-selection:', 0.8560036939359428],
  ['Jq3v0Yk4mG8wX1bZr9TqLs2uN6pCe5Hd7aFjKoWiVyE', 'risk-selection:черновик-7', 0.48974349302614684],
  ['Jq3v0Yk4mG8wX1bZr9TqLs2uN6pCe5Hd7aFjKoWiVyE', 'risk-selection:' + 'x'.repeat(120), 0.7809391916220498],
];

describe('the keyed draw behind the random selection', () => {
  it.each(DRAWS)('HMAC(%j, %j) draws exactly what the hand-rolled hash drew', (secret, message, draw) => {
    expect(keyedUniform(secret, message)).toBe(draw);
  });

  it('draws a declaration from "risk-selection:" + its id, as before', () => {
    for (const [secret, message, draw] of DRAWS) {
      if (message.startsWith('risk-selection:'))
        expect(keyedSelectionDraw(secret)(message.slice('risk-selection:'.length))).toBe(draw);
    }
  });

  it.each([
    [
      'test-selection-secret',
      2,
      [
        'draft-24',
        'draft-43',
        'draft-47',
        'draft-119',
        'draft-132',
        'draft-167',
        'draft-169',
        'draft-202',
        'draft-213',
        'draft-221',
        'draft-294',
        'draft-302',
        'draft-345',
        'draft-485',
      ],
    ],
    [
      'secret-a',
      10,
      [
        'draft-6',
        'draft-19',
        'draft-53',
        'draft-75',
        'draft-81',
        'draft-88',
        'draft-97',
        'draft-123',
        'draft-150',
        'draft-158',
        'draft-178',
        'draft-195',
        'draft-196',
        'draft-205',
        'draft-208',
        'draft-218',
        'draft-220',
        'draft-238',
        'draft-261',
        'draft-263',
        'draft-281',
        'draft-284',
        'draft-293',
        'draft-306',
        'draft-315',
        'draft-326',
        'draft-360',
        'draft-420',
        'draft-435',
        'draft-454',
        'draft-463',
        'draft-480',
        'draft-481',
        'draft-482',
        'draft-494',
        'draft-498',
      ],
    ],
  ] as const)('picks the same declarations under %j at %i%%', (secret, share, picked) => {
    const ids = Array.from({ length: 500 }, (_, i) => `draft-${i}`);
    expect(ids.filter((id) => isRandomlySelected(secret, id, share))).toEqual(picked);
  });
});
