// Lint: TypeScript rules plus the house's import boundaries (arrows point down only):
// app → components, src, lib; components → lib; src → lib; lib → only itself (zod, decimal.js).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nextVitals from 'eslint-config-next/core-web-vitals';
import prettierOff from 'eslint-config-prettier/flat';

const NEXT_AND_PRISMA = [
  {
    group: ['next', 'next/*', 'next-auth', 'next-auth/*', 'next-intl', 'next-intl/*'],
    message: 'lib/ is pure domain: no Next.',
  },
  { group: ['@prisma/*', '**/generated/prisma/**', 'pg'], message: 'lib/ is pure domain: no Prisma or database.' },
];
const UPWARD_FROM_LIB = [
  {
    group: ['@/src/*', '@/app/*', '@/components/*', '**/src/**', '**/app/**', '**/components/**'],
    message: 'lib/ may import only its own files.',
  },
];
const DATABASE_CLIENT = {
  group: [
    '@/src/server/db',
    '**/src/server/db',
    '**/server/db',
    '@/src/generated/*',
    '**/generated/prisma/**',
    '@prisma/*',
  ],
  message:
    'Only src/server talks to the database: call a use case (it authorizes and scopes) instead of importing the client.',
};
const SERVER_FROM_COMPONENTS = [
  {
    group: [
      '@/src/server/*',
      '@/src/server',
      '**/src/server/**',
      '@/src/generated/*',
      '**/generated/prisma/**',
      '@prisma/*',
    ],
    message: 'components/ are presentational: pass data in as props; never import src/server or Prisma.',
  },
  { group: ['@/app/*', '**/app/**'], message: 'components/ may not import app/ (arrows point down).' },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-*/**',
      '.data/**',
      'src/generated/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Next's own rules (core web vitals, React, react-hooks, jsx-a11y, import).
  ...nextVitals,
  // Layout is Prettier's (npm run lint runs prettier --check): no stylistic rule may disagree with it.
  prettierOff,
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
    files: ['app/**/*.{ts,tsx}', 'proxy.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [DATABASE_CLIENT] }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app/*', '**/app/**', '@/components/*', '**/components/**'],
              message: 'src/ may not import app/ or components/ (arrows point down).',
            },
          ],
        },
      ],
    },
  },
  // CSV is quoted and formula-neutralised only in lib/csv.ts (one rule for every export): elsewhere a
  // regular expression that tests for a quote beside a delimiter or line break (/[",\n]/), or for a
  // formula's first character (/^[=+\-@]/), is a hand-written CSV escaper. An own rule rather than
  // no-restricted-syntax: a later block setting no-restricted-syntax for the same files would replace it.
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['lib/csv.ts'],
    plugins: {
      csv: {
        rules: {
          'no-hand-written-escaper': {
            meta: {
              type: 'problem',
              schema: [],
              messages: {
                escaper:
                  'Write CSV with csvCell / csvLine / csvText from lib/csv.ts: one quoting and formula-injection rule for every export.',
              },
            },
            create(context) {
              const isEscaper = (pattern) => {
                const classes = pattern.match(/\[(?:\\.|[^\]\\])*\]/g) ?? [];
                const isQuoting = classes.some((c) => c.includes('"') && /,|;|\\n|\\r/.test(c));
                const isFormula = pattern.startsWith('^[') && classes[0]?.includes('=') && /[+@]/.test(classes[0]);
                return isQuoting || isFormula;
              };
              const check = (node, pattern) => {
                if (typeof pattern === 'string' && isEscaper(pattern)) context.report({ node, messageId: 'escaper' });
              };
              const checkRegExpCall = (node) => {
                const [first] = node.arguments;
                if (node.callee.type === 'Identifier' && node.callee.name === 'RegExp' && first?.type === 'Literal')
                  check(first, first.value);
              };
              return {
                Literal: (node) => check(node, node.regex?.pattern),
                NewExpression: checkRegExpCall,
                CallExpression: checkRegExpCall,
              };
            },
          },
        },
      },
    },
    rules: { 'csv/no-hand-written-escaper': 'error' },
  },
);
