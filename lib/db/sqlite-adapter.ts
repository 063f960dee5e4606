// The SQLite driver adapter the server opens the inventory with: better-sqlite3 in WAL mode with
// synchronous=FULL, set on every connection Prisma opens.
// - Why WAL: in the default rollback-journal mode a commit writes and syncs a journal, then the
//   database, then deletes the journal: about 1.3 ms of disk waits per commit here, all on the event
//   loop (better-sqlite3 is synchronous). In WAL mode a commit appends to the log and syncs it once:
//   about 0.2 ms. Every save (host writes that mark bitmaps, commands, background progress) commits.
// - Why FULL: better-sqlite3 is built with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1 (NORMAL), under which a
//   WAL commit is not synced until a checkpoint and a power cut can lose acknowledged saves. FULL
//   syncs the log at every commit, so a committed save survives as it did before.
// The mode is kept in the database file; the synchronous level is per connection, hence connect().
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

export const SQLITE_CONNECTION_PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;';

export class DurableSqliteAdapterFactory extends PrismaBetterSQLite3 {
  override async connect(): ReturnType<PrismaBetterSQLite3['connect']> {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_CONNECTION_PRAGMAS);
    return adapter;
  }
}
