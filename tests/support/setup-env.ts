import { inject } from 'vitest';

// Every integration test file talks to the fresh database of this run.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.DOCUMENT_SIGNING_KEY = inject('documentSigningKey');
