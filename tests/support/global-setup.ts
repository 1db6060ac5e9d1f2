import type { TestProject } from 'vitest/node';
import { openTestServer, createFreshDatabase } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
  }
}

let cleanup: (() => Promise<void>) | null = null;

export async function setup(project: TestProject) {
  const server = await openTestServer();
  const database = await createFreshDatabase(server.connection, 'csw_it');
  const { connectionUrl } = await import('../../src/cli/db/postgres-cluster.ts');
  project.provide('databaseUrl', database.url);
  project.provide('serverUrl', connectionUrl(server.connection));
  cleanup = async () => {
    await database.drop();
    await server.stop();
  };
}

export async function teardown() {
  await cleanup?.();
}
