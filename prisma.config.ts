import { defineConfig } from 'prisma/config';

// No `env()` here: it throws when DATABASE_URL is unset, which would break `prisma generate`
// on a fresh machine. The app and the CLI scripts pass the URL to the adapter themselves.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
