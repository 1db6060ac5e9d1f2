// npm run db:migrate                    apply pending migrations (embedded PostgreSQL or DATABASE_URL)
// npm run db:migration:create -- <name> write prisma/migrations/<timestamp>_<name> from schema changes
// npm run db:migrate -- check            exit 1 if the schema and the migrations disagree
import { openDatabase } from './db/database.ts';
import { applyMigrations, createMigration, diffMigrationsToSchema } from './db/schema-engine.ts';

const [command = 'apply', name] = process.argv.slice(2);
const log = (line: string) => console.log(line);
const database = await openDatabase({ log });
let exitCode = 0;
try {
  if (command === 'apply') {
    const applied = await applyMigrations(database.connection);
    log(
      applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.',
    );
  } else if (command === 'create') {
    if (!name) throw new Error('Name the migration: npm run db:migration:create -- add_something');
    const created = await createMigration(database.connection, name);
    log(
      created
        ? `Created prisma/migrations/${created}/migration.sql — review it, then run npm run db:migrate.`
        : 'The schema matches the migrations: nothing to create.',
    );
  } else if (command === 'check') {
    const diff = await diffMigrationsToSchema(database.connection);
    if (diff) {
      console.error(
        `prisma/schema.prisma and prisma/migrations disagree. Run npm run db:migration:create -- <name>. Missing SQL:\n${diff}`,
      );
      exitCode = 1;
    } else log('The schema and the migrations agree.');
  } else {
    throw new Error(`Unknown command "${command}". Use apply, create <name> or check.`);
  }
} catch (e) {
  console.error((e as Error).message);
  exitCode = 1;
} finally {
  await database.stop();
}
process.exit(exitCode);
