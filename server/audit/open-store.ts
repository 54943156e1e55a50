// Opens the configured audit store: PostgreSQL when the configuration gives a postgres:// URL (shared by every
// instance), else the embedded database in `<home>/audit/` (one instance).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqlAuditStore, type SqlClient } from './store';

export async function openAuditStore(database: string | undefined, home: string): Promise<SqlAuditStore> {
  if (database) {
    const { Pool } = await import('pg');
    const pool = new Pool({ connectionString: database, max: 4, idleTimeoutMillis: 30_000 });
    // A bad URL or an unreachable server fails here, at the first query, with the driver's message.
    const client: SqlClient = { query: (sql, params) => pool.query(sql, params) as never, close: () => pool.end() };
    try {
      return await SqlAuditStore.open('postgres', client);
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw e;
    }
  }
  const dir = join(home, 'audit', 'pgdata');
  mkdirSync(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dir);
  return SqlAuditStore.open('embedded', { query: (sql, params) => db.query(sql, params), close: () => db.close() });
}
