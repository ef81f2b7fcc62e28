import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Filter, type ActionContext } from 'adminjs';
import pg from 'pg';
import { QueryTypes, type Model, type ModelStatic, type Sequelize } from 'sequelize';
import { generateBudgetLines } from '../../bench/budget-rows.js';
import { openDb } from '../../bench/db.js';
import { createSequelize } from '../../db/database.js';
import type { SessionUser } from '../../db/jurisdiction-scope.js';
import { BudgetOverview, IntegrationBudget, initMiddleModels, initModels } from '../../db/models.js';
import type { AnyRecordDeclaration } from '../../db/record/field-types.js';
import { trigramFieldsOf } from '../../db/record/trigram-indexes.js';
import { trigramSearchWarning } from '../../db/trigram-search.js';
import { startWeb } from '../../main/bootstrap.js';
import { migrateToLatest } from '../../migrations/migrator.js';
import { createTrigramIndexes, trigramIndexName } from '../../migrations/trigram-indexes.js';
import { JurisdictionResource } from '../../panel/adapter/jurisdiction-resource.js';
import { loadResourceConfig } from '../../panel/resource-config.js';
import { unindexedTextFilters } from '../../panel/text-filter-indexes.js';
import { RESOURCE_DEFINITIONS } from '../../resources/index.js';
import { LIST_EXACT_COUNT_DEFAULT } from '../../settings/env.js';
import { logger } from '../../settings/logger.js';
import { emptyMiddleDatabaseUrl, pgUrl, runDatabaseName, seededDatabaseUrls, urlOfDatabase } from '../support/databases.js';
import { needs } from '../support/requires.js';
import { testEnv } from '../support/test-app.js';

/**
 * Contains-filters on the large tables read trigram indexes on PostgreSQL (issue #28): each text filter of a large
 * table has its index declared, the migrations made each one as GIN `gin_trgm_ops`, the planner takes it for a list's
 * filter among many rows, and a database whose LC_CTYPE cannot make trigrams of Chinese is told loudly.
 */
const postgres = await needs('trigram indexes', 'postgres');
jest.setTimeout(120_000);

let mainUrl: string;
let main: Sequelize;
let middle: Sequelize;

beforeAll(async () => {
  const urls = pgUrl() ? await seededDatabaseUrls() : { DATABASE_URL: 'sqlite::memory:', MIDDLE_DATABASE_URL: 'sqlite::memory:' };
  mainUrl = urls.DATABASE_URL;
  main = createSequelize(mainUrl);
  middle = createSequelize(urls.MIDDLE_DATABASE_URL!);
  initModels(main);
  initMiddleModels(middle);
});
afterAll(async () => {
  await main?.close();
  await middle?.close();
});

const declared = (sequelize: Sequelize) =>
  Object.values(sequelize.models)
    .map((model) => (model as ModelStatic<Model> & { declaration?: AnyRecordDeclaration }).declaration)
    .filter((declaration): declaration is AnyRecordDeclaration => !!declaration);

describe('every text filter of a large table has its trigram index', () => {
  let config: ReturnType<typeof loadResourceConfig>;
  beforeAll(() => {
    config = loadResourceConfig(RESOURCE_DEFINITIONS);
  });

  it('in config/resources.yaml as shipped', () => {
    expect(unindexedTextFilters(RESOURCE_DEFINITIONS, config)).toEqual([]);
  });

  it('a new text filter without its index is named (the check can fail); exact filters need none', () => {
    const budget = config.get('IntegrationBudget')!;
    const edited = new Map(config).set('IntegrationBudget', {
      ...budget,
      filterProperties: [...(budget.filterProperties ?? []), 'matchedProjectName', 'matchStatus', 'amount', 'procurementUnitId'],
    });
    expect(unindexedTextFilters(RESOURCE_DEFINITIONS, edited)).toEqual(['IntegrationBudget.matchedProjectName']);
  });
});

postgres.describe('the trigram indexes on PostgreSQL', () => {
  const province = {
    currentAdmin: { id: 1, email: '', username: 'province', displayName: '省采购监管处', role: 'province', regionCode: '360000' },
  } as unknown as ActionContext & { currentAdmin: SessionUser };

  it('the migrations made each declared one as a valid GIN gin_trgm_ops index', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const sequelize of [main, middle])
      for (const declaration of declared(sequelize))
        for (const field of trigramFieldsOf(declaration)) {
          const column = sequelize.models[declaration.name]!.getAttributes()[field]!.field!;
          const name = trigramIndexName(declaration.table, column);
          const [index] = await sequelize.query<{ definition: string; valid: boolean }>(
            `SELECT pg_get_indexdef(i.indexrelid) AS definition, i.indisvalid AS valid FROM pg_index i WHERE i.indexrelid = to_regclass(:name)`,
            { replacements: { name }, type: QueryTypes.SELECT },
          );
          checked++;
          if (!index) problems.push(`${name}: missing`);
          else if (!index.valid || !index.definition.endsWith(`USING gin (${column} gin_trgm_ops)`))
            problems.push(`${name}: ${index.definition}${index.valid ? '' : ' (invalid)'}`);
        }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(50);
  });

  it('a build cut short (an invalid index) is built again by the next run', async () => {
    const validity = async () =>
      (
        await main.query<{ valid: boolean }>(
          `SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'audit_logs_record_id_trgm'::regclass`,
          {
            type: QueryTypes.SELECT,
          },
        )
      )[0]!.valid;
    // What a killed CREATE INDEX CONCURRENTLY leaves behind.
    await main.query(`UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'audit_logs_record_id_trgm'::regclass`);
    expect(await validity()).toBe(false);
    await createTrigramIndexes(main.getQueryInterface(), { audit_logs: ['record_id'] });
    expect(await validity()).toBe(true);
  });

  describe('among 100,000 budget lines, a list filter reads its index', () => {
    /** The statements the adapter sends for a list's first page and its total (counted up to the run's limit). */
    async function listStatements(model: ModelStatic<Model>, filters: Record<string, string>): Promise<{ sql: string[]; total: number }> {
      const resource = new JurisdictionResource(model);
      const filter = new Filter(filters, resource);
      const sql: string[] = [];
      // Sequelize reads its `logging` option at each statement.
      const options = (main as unknown as { options: { logging: unknown } }).options;
      options.logging = (line: string) => sql.push(line.replace(/^Executing \([^)]*\): /, ''));
      try {
        await resource.readPage(
          filter,
          { perPage: 20, sort: { sortBy: 'createdAt', direction: 'desc' }, position: { from: 'start', number: 1 } },
          province,
        );
        const { total } = await resource.listTotal(filter, province, { limit: LIST_EXACT_COUNT_DEFAULT, exact: false });
        return { sql, total };
      } finally {
        options.logging = false;
      }
    }
    const plan = async (sql: string) =>
      (await main.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, { type: QueryTypes.SELECT }))
        .map((row) => row['QUERY PLAN'])
        .join('\n');

    beforeAll(async () => {
      const db = openDb(mainUrl);
      try {
        await generateBudgetLines(db, 1, 100_000);
        // Three lines of a unit whose name no generated line shares, in Chinese only: its trigrams are 汉字.
        await db.query(`UPDATE integration_budgets SET unit_name = '赣鄱测绘研究院' WHERE budget_line_id IN ($1, $2, $3)`, [
          'BENCH-00000007',
          'BENCH-00050007',
          'BENCH-00099997',
        ]);
        await db.query('ANALYZE integration_budgets');
      } finally {
        await db.close();
      }
    });

    it('a Chinese unit name: a Bitmap Index Scan on the unit name trigram index, for the page and for the total', async () => {
      const { sql, total } = await listStatements(IntegrationBudget, { unitName: '测绘研究' });
      expect(total).toBe(3);
      expect(sql).toHaveLength(2);
      for (const statement of sql) {
        expect(statement).toContain(`ESCAPE '!'`);
        expect(await plan(statement)).toContain('Bitmap Index Scan on integration_budgets_unit_name_trgm');
      }
    });

    it('a number with % and _ in it, matched literally, on the budget line id index', async () => {
      const { sql, total } = await listStatements(IntegrationBudget, { budgetLineId: 'bench-0009999_' });
      expect(total).toBe(0);
      for (const statement of sql) expect(await plan(statement)).toContain('Bitmap Index Scan on integration_budgets_budget_line_id_trgm');
      expect((await listStatements(IntegrationBudget, { budgetLineId: 'bench-0009999' })).total).toBe(10);
    });

    it('预算管理 (the budget_overview view) reaches the same index through the view', async () => {
      const { sql, total } = await listStatements(BudgetOverview, { unitName: '测绘研究' });
      expect(total).toBe(3);
      expect(await plan(sql.at(-1)!)).toContain('Bitmap Index Scan on integration_budgets_unit_name_trgm');
    });
  });

  describe('a database whose LC_CTYPE makes no trigrams of 汉字', () => {
    let url: string;

    beforeAll(async () => {
      const name = runDatabaseName('ctype_c');
      const admin = new pg.Client({ connectionString: pgUrl() });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'`);
      } finally {
        await admin.end();
      }
      url = urlOfDatabase(name);
    });

    it('the run’s own databases (C.UTF-8) make them: no warning', async () => {
      expect(await trigramSearchWarning(main)).toBeNull();
    });

    it('under C the migration warns, the web warns at start and on /readyz, and Latin and numbers keep their indexes', async () => {
      const warn = jest.spyOn(logger, 'warn');
      const sequelize = createSequelize(url);
      try {
        await migrateToLatest(sequelize);
        const [probe] = await sequelize.query<{ trigrams: string[] }>(`SELECT show_trgm('南昌县人民医院') AS trigrams`, {
          type: QueryTypes.SELECT,
        });
        expect(probe!.trigrams).toEqual([]);
        const warning = await trigramSearchWarning(sequelize);
        expect(warning).toContain('LC_CTYPE=C');
        expect(warning).toContain('C.UTF-8');
        expect(warn).toHaveBeenCalledWith(warning);
        const [index] = await sequelize.query<{ n: string }>(`SELECT count(*) AS n FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%'`, {
          type: QueryTypes.SELECT,
        });
        expect(Number(index!.n)).toBeGreaterThanOrEqual(50);

        warn.mockClear();
        const web = await startWeb(await testEnv({ DATABASE_URL: url, MIDDLE_DATABASE_URL: (await emptyMiddleDatabaseUrl())! }), {
          seedDemo: false,
        });
        try {
          expect(warn).toHaveBeenCalledWith(warning);
          const ready = await fetch(`${web.url}/readyz`);
          expect(ready.status).toBe(200);
          expect(((await ready.json()) as { warning?: string }).warning).toContain(warning);
        } finally {
          await web.stop();
        }
      } finally {
        warn.mockRestore();
        await sequelize.close();
        // The web bound the models to its own connections: back to this file's.
        initModels(main);
        initMiddleModels(middle);
      }
    });
  });
});
