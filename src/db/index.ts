import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

export { openDatabase, type DatabaseHandle, type DatabaseKind } from './connect.ts';
export { inBackground } from './priority.ts';
export { migrateTo, migrateToLatest } from './migrate.ts';
export { embeddedDatabaseExists, hasRegularsSchema, noDatabaseMessage } from './presence.ts';
export { readLockHolder, updateLockHolder, type LockHolder } from './lock.ts';
export { lockFreeKeys, lockKeys, withLockRoom } from './locks.ts';
export { unlessWritingHistory, whileWritingHistory } from './history-writing.ts';
export { readLater, sendLater, type LaterRows } from './pipeline.ts';
export { notifyOnCommit } from './notify.ts';
export { refreshStatistics, statisticsAsTablesGrow } from './statistics.ts';
export { createGroupCommit, type GroupCommitOptions, type GroupTiming } from './group-commit.ts';
export { audit, auditDetails, auditedWith, auditMany, type Actor, type AuditEntry } from './audit.ts';
export type * from './schema.ts';

/** A connection or a transaction: repositories accept either. */
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
