// Lint: TypeScript rules plus the house's import boundaries (arrows point down only):
// app → components, src, lib; components → lib; src → lib; lib → only itself (zod, decimal.js).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NEXT_AND_PRISMA = [
  { group: ['next', 'next/*', 'next-auth', 'next-auth/*', 'next-intl', 'next-intl/*'], message: 'lib/ is pure domain: no Next.' },
  { group: ['@prisma/*', '**/generated/prisma/**', 'pg'], message: 'lib/ is pure domain: no Prisma or database.' },
];
const UPWARD_FROM_LIB = [
  { group: ['@/src/*', '@/app/*', '@/components/*', '**/src/**', '**/app/**', '**/components/**'], message: 'lib/ may import only its own files.' },
];
const SERVER_FROM_COMPONENTS = [
  { group: ['@/src/server/*', '@/src/server', '**/src/server/**', '@/src/generated/*', '**/generated/prisma/**', '@prisma/*'], message: 'components/ are presentational: pass data in as props; never import src/server or Prisma.' },
  { group: ['@/app/*', '**/app/**'], message: 'components/ may not import app/ (arrows point down).' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', '.next/**', '.next-*/**', '.data/**', 'src/generated/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...NEXT_AND_PRISMA, ...UPWARD_FROM_LIB] }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'lib/ does no I/O.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'lib/ is deterministic: pass randomness in (seededRandom).' },
        { object: 'Date', property: 'now', message: 'lib/ takes `now` as an argument.' },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: SERVER_FROM_COMPONENTS }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*', '**/app/**', '@/components/*', '**/components/**'], message: 'src/ may not import app/ or components/ (arrows point down).' }] }] },
  },
);
