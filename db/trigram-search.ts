import { QueryTypes, type Sequelize } from 'sequelize';

/** A Chinese name of three characters: one trigram where the database's LC_CTYPE counts 汉字 as letters. */
const CHINESE_PROBE = '南昌县';

/**
 * What keeps PostgreSQL's trigram indexes from serving a Chinese contains-filter, in words for the operator, or null.
 * pg_trgm makes trigrams only of characters the database's LC_CTYPE calls alphanumeric. Under C or POSIX no 汉字 is:
 * a Chinese pattern gives no trigram, the planner still takes the index, and the index hands back every row to be
 * checked again, slower than reading the table (a unit name among 1,000,000 budget lines: 0.9–1.6 s, against 0.5–0.6 s
 * without the index).
 * The ctype is fixed when a database is created; C.UTF-8 makes trigrams of 汉字 and sorts as C does.
 */
export async function trigramSearchWarning(sequelize: Sequelize): Promise<string | null> {
  if (sequelize.getDialect() !== 'postgres') return null;
  const [database] = await sequelize.query<{ installed: boolean; ctype: string }>(
    `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS installed, current_setting('lc_ctype') AS ctype`,
    { type: QueryTypes.SELECT },
  );
  if (!database!.installed) return '数据库未安装 pg_trgm 扩展：名称、编号的包含筛选读全表（npm run migrate 安装它）。';
  const [probe] = await sequelize.query<{ trigrams: number }>('SELECT cardinality(show_trgm(:word)) AS trigrams', {
    replacements: { word: CHINESE_PROBE },
    type: QueryTypes.SELECT,
  });
  if (probe!.trigrams > 0) return null;
  return (
    `数据库的字符分类 LC_CTYPE=${database!.ctype} 不把汉字当作字母：按中文名称的包含筛选用不上三元组索引，比读全表还慢。` +
    '请用 C.UTF-8 新建数据库并迁入数据（README「Search」：createdb --locale=C.UTF-8 --template template0，pg_dump / pg_restore）。'
  );
}
