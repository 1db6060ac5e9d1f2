import { describe, expect, it, inject } from 'vitest';
import { diffMigrationsToSchema, readSchema } from '../../src/cli/db/schema-engine';
import { parseDatabaseUrl } from '../../src/cli/db/postgres-cluster';

describe('prisma/schema.prisma and prisma/migrations', () => {
  const server = parseDatabaseUrl(inject('serverUrl'));

  it('agree: replaying the migrations gives exactly the schema', async () => {
    expect(await diffMigrationsToSchema(server)).toBe('');
  });

  it('disagree as soon as the schema changes without a migration (the check can fail)', async () => {
    const changed = `${readSchema()}\nmodel UnmigratedThing {\n  id Int @id\n}\n`;
    const diff = await diffMigrationsToSchema(server, changed);
    expect(diff).toContain('CREATE TABLE "UnmigratedThing"');
  });
});
