import { generateKeyPairSync } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { openTestServer, createFreshDatabase } from './test-database';
import { SEED_NOW } from './clock';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
    documentSigningKey: string;
  }
}

let cleanup: (() => Promise<void>) | null = null;

export async function setup(project: TestProject) {
  const server = await openTestServer();
  const database = await createFreshDatabase(server.connection, 'csw_it');
  // The reference data of the demo seed (tariff, rates, posts, permit catalogue), as of a fixed day,
  // so that tests dated SEED_NOW find the rates of their registration date.
  const { PrismaClient } = await import('../../src/generated/prisma/client.ts');
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const { seedDatabase } = await import('../../prisma/seed/index.ts');
  const seedClient = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  try {
    await seedDatabase(seedClient, { now: SEED_NOW });
  } finally {
    await seedClient.$disconnect();
  }
  const { connectionUrl } = await import('../../src/cli/db/postgres-cluster.ts');
  project.provide('databaseUrl', database.url);
  project.provide('serverUrl', connectionUrl(server.connection));
  // One document-signing key per run, like one database per run.
  project.provide(
    'documentSigningKey',
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  cleanup = async () => {
    await database.drop();
    await server.stop();
  };
}

export async function teardown() {
  await cleanup?.();
}
