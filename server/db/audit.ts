import type pg from 'pg';

export interface AuditEntry {
  actor: string;
  action: 'create' | 'update' | 'delete' | 'transition' | 'import' | 'seed' | string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one audit row. Call it with the same client, inside the same
 * transaction as the write it records, so both land or neither does.
 */
export async function writeAudit(client: pg.PoolClient, e: AuditEntry): Promise<void> {
  await client.query(
    'INSERT INTO audit_log (actor, action, entity, entity_id, before, after) VALUES ($1, $2, $3, $4, $5, $6)',
    [
      e.actor,
      e.action,
      e.entity,
      e.entityId === null ? null : String(e.entityId),
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
    ],
  );
}
