import { DataTypes, QueryTypes, type QueryInterface } from 'sequelize';
import { chainHash, GENESIS_HASH, headMac } from '../domain/audit-chain.js';
import { AUDIT_FLOOR_DAYS } from '../domain/retention.js';
import { auditChainKey } from '../settings/audit-chain-key.js';

/** Rows chained per statement while the existing trail is brought into the chain. */
const BATCH = 2000;

type ExistingRow = {
  id: number;
  actor_id: number | null;
  actor_username: string;
  actor_role: string;
  actor_region: string | null;
  action: string;
  resource_id: string;
  record_id: string | null;
  region_code: string | null;
  changes: string | null;
  reason: string | null;
  created_at: Date | string;
};

/**
 * The audit trail becomes one HMAC-SM3 chain (domain/audit-chain.ts): each row gets its place, the hash of the row
 * before and its own; the rows already there are chained in the order they were written (by id), with the key of
 * AUDIT_CHAIN_KEY, which must therefore be set as in production before this runs. Run it with the previous release
 * stopped: a row that release writes meanwhile stays outside the chain and is named as inserted by every check.
 *
 * Then the database itself keeps the trail: no row of audit_logs may be updated, none younger than AUDIT_FLOOR_DAYS
 * deleted, the table not truncated, the head row not deleted. The pruning job removes only older rows, so it passes;
 * whoever can drop a trigger can also change rows, and the chain shows what they changed.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const sequelize = qi.sequelize;
  const postgres = sequelize.getDialect() === 'postgres';
  await qi.addColumn('audit_logs', 'seq', { type: DataTypes.INTEGER, allowNull: true });
  await qi.addColumn('audit_logs', 'prev_hash', { type: DataTypes.STRING(64), allowNull: true });
  await qi.addColumn('audit_logs', 'hash', { type: DataTypes.STRING(64), allowNull: true });
  await qi.addColumn('audit_logs', 'ip', { type: DataTypes.STRING(64), allowNull: true });
  await qi.createTable('audit_chain_head', {
    id: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
    last_seq: { type: DataTypes.INTEGER, allowNull: false },
    last_hash: { type: DataTypes.STRING(64), allowNull: false },
    pruned_through: { type: DataTypes.INTEGER, allowNull: false },
    pruned_last_hash: { type: DataTypes.STRING(64), allowNull: false },
    mac: { type: DataTypes.STRING(64), allowNull: false },
  });

  const key = auditChainKey();
  let seq = 0;
  let prevHash = GENESIS_HASH;
  for (let after = 0; ;) {
    const rows = await sequelize.query<ExistingRow>(
      `SELECT id, actor_id, actor_username, actor_role, actor_region, action, resource_id, record_id, region_code, changes, reason,
              created_at
         FROM audit_logs WHERE id > :after ORDER BY id LIMIT ${BATCH}`,
      { replacements: { after }, type: QueryTypes.SELECT },
    );
    if (!rows.length) break;
    const links = rows.map((row) => {
      seq += 1;
      const hash = chainHash(key, {
        seq,
        prevHash,
        actorId: row.actor_id,
        actorUsername: row.actor_username,
        actorRole: row.actor_role,
        actorRegion: row.actor_region,
        action: row.action,
        resourceId: row.resource_id,
        recordId: row.record_id,
        regionCode: row.region_code,
        changes: row.changes,
        reason: row.reason,
        ip: null,
        createdAt: row.created_at,
      });
      const link = [Number(row.id), seq, prevHash, hash];
      prevHash = hash;
      return link;
    });
    await sequelize.query(
      `WITH chained(id, seq, prev_hash, hash) AS (VALUES ${links.map(() => '(?, ?, ?, ?)').join(', ')})
       UPDATE audit_logs SET seq = chained.seq, prev_hash = chained.prev_hash, hash = chained.hash
         FROM chained WHERE audit_logs.id = chained.id`,
      { replacements: links.flat() },
    );
    after = Number(rows[rows.length - 1]!.id);
  }
  await qi.addIndex('audit_logs', ['seq'], { unique: true });
  const head = { lastSeq: seq, lastHash: prevHash, prunedThrough: 0, prunedLastHash: GENESIS_HASH };
  await sequelize.query(
    `INSERT INTO audit_chain_head (id, last_seq, last_hash, pruned_through, pruned_last_hash, mac)
     VALUES (1, :lastSeq, :lastHash, :prunedThrough, :prunedLastHash, :mac)`,
    { replacements: { ...head, mac: headMac(key, head) } },
  );

  if (postgres) {
    await sequelize.query(`
      CREATE FUNCTION audit_logs_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND OLD.created_at < now() - interval '${AUDIT_FLOOR_DAYS} days' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION '操作日志只能追加：不可修改，保存未满 ${AUDIT_FLOOR_DAYS} 天的不可删除（%）', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await sequelize.query(`
      CREATE FUNCTION audit_trail_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '操作日志不可%（%）', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await sequelize.query(
      `CREATE TRIGGER audit_logs_guard BEFORE UPDATE OR DELETE ON audit_logs FOR EACH ROW EXECUTE FUNCTION audit_logs_guard()`,
    );
    await sequelize.query(
      `CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_refuse()`,
    );
    await sequelize.query(
      `CREATE TRIGGER audit_chain_head_kept BEFORE DELETE ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION audit_trail_refuse()`,
    );
    await sequelize.query(
      `CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_refuse()`,
    );
  } else {
    // SQLite stores an instant as 'YYYY-MM-DD HH:MM:SS.SSS +00:00', which compares as text with strftime's form.
    await sequelize.query(
      `CREATE TRIGGER audit_logs_no_update BEFORE UPDATE ON audit_logs BEGIN SELECT RAISE(ABORT, '操作日志只能追加，不可修改'); END`,
    );
    await sequelize.query(
      `CREATE TRIGGER audit_logs_keep_young BEFORE DELETE ON audit_logs
         WHEN OLD.created_at >= strftime('%Y-%m-%d %H:%M:%f', 'now', '-${AUDIT_FLOOR_DAYS} days')
       BEGIN SELECT RAISE(ABORT, '保存未满 ${AUDIT_FLOOR_DAYS} 天的操作日志不可删除'); END`,
    );
    await sequelize.query(
      `CREATE TRIGGER audit_chain_head_kept BEFORE DELETE ON audit_chain_head BEGIN SELECT RAISE(ABORT, '操作日志链头不可删除'); END`,
    );
  }
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  const sequelize = qi.sequelize;
  if (sequelize.getDialect() === 'postgres') {
    for (const [trigger, table] of [
      ['audit_logs_guard', 'audit_logs'],
      ['audit_logs_no_truncate', 'audit_logs'],
      ['audit_chain_head_kept', 'audit_chain_head'],
      ['audit_chain_head_no_truncate', 'audit_chain_head'],
    ])
      await sequelize.query(`DROP TRIGGER IF EXISTS ${trigger} ON ${table}`);
    await sequelize.query('DROP FUNCTION IF EXISTS audit_logs_guard()');
    await sequelize.query('DROP FUNCTION IF EXISTS audit_trail_refuse()');
  } else {
    for (const trigger of ['audit_logs_no_update', 'audit_logs_keep_young', 'audit_chain_head_kept'])
      await sequelize.query(`DROP TRIGGER IF EXISTS ${trigger}`);
  }
  await qi.dropTable('audit_chain_head');
  await qi.removeIndex('audit_logs', ['seq']);
  for (const column of ['ip', 'hash', 'prev_hash', 'seq']) await qi.removeColumn('audit_logs', column);
}
