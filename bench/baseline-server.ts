import express from 'express';
import { openDb } from './db.js';

/**
 * The hand-written side of P2 and P6: a bare express route with the best SQL we know for the list page the panel
 * shows (same columns on screen, same sort, same region rule, same indexes), and its count. No ORM, no framework.
 */
const db = openDb(process.env.DATABASE_URL!, 10);
const like = db.engine === 'postgres' ? 'ILIKE' : 'LIKE';

const app = express();
app.get('/budgets', async (req, res) => {
  try {
    const where: string[] = [];
    const params: unknown[] = [];
    const region = String(req.query.region ?? '');
    if (region !== 'all') {
      params.push(region);
      where.push(`b.region_code = $${params.length}`);
    }
    if (req.query.fiscalYear) {
      params.push(Number(req.query.fiscalYear));
      where.push(`b.fiscal_year = $${params.length}`);
    }
    if (req.query.unitName) {
      params.push(`%${String(req.query.unitName).replace(/[!%_]/g, (c) => `!${c}`)}%`);
      where.push(`b.unit_name ${like} $${params.length} ESCAPE '!'`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, count] = await Promise.all([
      db.query(
        `SELECT b.id, b.budget_line_id, b.fiscal_year, b.unit_name, b.project_name, b.amount, b.match_status,
          b.matched_project_name, b.region_code, r.name AS region_name
        FROM integration_budgets b LEFT JOIN regions r ON r.code = b.region_code
        ${clause} ORDER BY b.created_at DESC LIMIT 20`,
        params,
      ),
      db.query<{ total: number | string }>(`SELECT count(*) AS total FROM integration_budgets b ${clause}`, params),
    ]);
    res.json({ total: Number(count[0]!.total), records: rows });
  } catch (error) {
    res.status(500).json({ message: (error as Error).message });
  }
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('baseline listening'));
process.on('SIGTERM', () => {
  server.close();
  void db.close().then(() => process.exit(0));
});
