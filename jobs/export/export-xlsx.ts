import { once } from 'node:events';
import { onPrimary } from '../../db/read-routing.js';
import { Filter } from 'adminjs';
import ExcelJS from 'exceljs';
import { recordAudit } from '../../services/audit.js';
import { figuresText } from '../../domain/risk/figures-text.js';
import { RESOURCE_DEFINITIONS } from '../../resources/index.js';
import { currentActor } from '../job-actor.js';
import type { ResourceDefinition } from '../../resources/resource-definition.js';
import { DataExport } from '../../db/models/system/data-export.model.js';
import { JurisdictionResource } from '../../panel/adapter/jurisdiction-resource.js';
import { deadlineLabel } from '../../panel/deadline-column.js';
import { zhCN } from '../../panel/locale/zh-CN.js';
import { codeWordLabels, showOffices, userFieldsOf } from '../../panel/code-words.js';
import { loadResourceConfig } from '../../panel/resource-config.js';
import {
  beginExportAttempt,
  discardExportAttempt,
  ExportFileSink,
  finishExportFile,
  recordExportProgress,
} from '../../services/export-file.js';

/** Rows read per query: big enough to be quick, small enough that memory stays flat whatever the total. */
const PAGE = 500;
const MONEY_FORMAT = '#,##0.00';
const CHINA_OFFSET_MS = 8 * 3_600_000;

type Labels = { properties?: Record<string, string>; labels?: Record<string, Record<string, string>> };

/** How a value reads in the file: Chinese labels for codes, numbers for money, real dates for dates. */
function cellValue(
  definition: ResourceDefinition,
  labels: Labels,
  property: string,
  type: string,
  value: unknown,
  title?: string,
): unknown {
  if (value === null || value === undefined || value === '') return null;
  if (title !== undefined) return title;
  // A structured value (a flag's figures) in the words the list shows it in; SQLite hands it over as its JSON text.
  const kind = (definition.model.getAttributes()[property]?.type as { key?: string } | undefined)?.key;
  if (kind === 'JSON' || kind === 'JSONB') return figuresText(value);
  const label =
    labels.labels?.[property]?.[String(value)] ??
    (definition.options?.properties?.[property]?.availableValues as Array<{ value: string; label: string }> | undefined)?.find(
      (v) => v.value === String(value),
    )?.label;
  if (label) return label;
  // SQLite's driver gives a boolean as 1 or 0.
  if (type === 'boolean') return value === true || value === 1 || value === 'true' ? '是' : '否';
  if (type === 'currency' || type === 'number' || type === 'float') return Number(value);
  if (type === 'date') return new Date(`${String(value).slice(0, 10)}T00:00:00Z`);
  // A cell holds a clock reading without a zone (ExcelJS writes a Date's UTC clock): China time, as the panel shows it.
  if (type === 'datetime') return new Date(Date.parse(value as string) + CHINA_OFFSET_MS);
  return String(value);
}

/**
 * Writes the list a user asked for, page by page, to a streamed workbook: the same resource, filters, sort and
 * jurisdiction as the list (the reads go through the same adapter), the list's columns with their Chinese names.
 */
export async function runExport(
  exportId: string,
  onProgress: (done: number, total: number) => Promise<void> = async () => undefined,
): Promise<DataExport> {
  // The export's own row and its asker's rights from the primary; the rows it writes out may come from a standby.
  const job = await onPrimary(() => DataExport.findByPk(exportId));
  if (!job) throw new Error(`导出任务 ${exportId} 不存在`);
  if (job.state === 'done' || job.state === 'expired') return job;
  const definition = RESOURCE_DEFINITIONS.find((d) => d.id === job.resourceId);
  if (!definition) throw new Error(`未知资源 ${job.resourceId}`);
  const allConfig = loadResourceConfig(RESOURCE_DEFINITIONS);
  const config = allConfig.get(definition.id)!;
  const own = (zhCN.resources as Record<string, Labels>)[definition.id] ?? {};
  // Roles, actions and record types by their names, as the list shows them.
  const resourceLabels = Object.fromEntries([...allConfig].map(([id, c]) => [id, c.label]));
  const labels: Labels = { ...own, labels: { ...own.labels, ...codeWordLabels(definition.model.declaration, resourceLabels) } };
  const userFields = userFieldsOf(definition.model.declaration);
  // The rights of the user as stored now, and only if they are still those the export was asked with.
  const user = await onPrimary(() => currentActor(job.userId));
  if (!user || user.role !== job.userRole || user.regionCode !== job.userRegion) {
    await job.update({ state: 'failed', error: '导出申请人的账号已停用或权限已变更，导出未执行；如仍需要，请重新导出' });
    return job;
  }
  const context = { currentAdmin: user } as never;
  const resource = new JurisdictionResource(
    definition.model,
    definition.viewWhere ? { id: definition.id, where: definition.viewWhere } : undefined,
  );
  const filter = new Filter(JSON.parse(job.filters) as Record<string, unknown>, resource);
  const attributes = definition.model.getAttributes();
  // The 时限 column is worked out from the due date, as the list does; other virtual columns have no stored value.
  const hasDeadline = 'dueDate' in attributes;
  const columns = (config.listProperties ?? Object.keys(attributes)).filter((p) => p in attributes || (p === 'deadline' && hasDeadline));
  const properties = new Map(columns.map((name) => [name, resource.property(name)]));
  const typeOf = (name: string): string =>
    (definition.options?.properties?.[name]?.type as string | undefined) ?? properties.get(name)?.type() ?? 'string';

  const attempt = await beginExportAttempt(job.id);
  if (attempt === null) return job.reload();
  const sink = new ExportFileSink(job.id, attempt);
  try {
    const total = await resource.count(filter, context);
    await recordExportProgress(job.id, attempt, { state: 'running', total, done: 0 });
    // Streamed into the database chunk by chunk as the rows come: no file on this machine, memory flat whatever the total.
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
    const sheet = workbook.addWorksheet(config.label.slice(0, 31));
    sheet.columns = columns.map((name) => {
      const type = typeOf(name);
      return {
        header: labels.properties?.[name] ?? (zhCN.properties as Record<string, string>)[name] ?? name,
        key: name,
        width: type === 'datetime' ? 18 : type === 'date' ? 12 : 20,
        style:
          type === 'currency'
            ? { numFmt: MONEY_FORMAT }
            : type === 'date'
              ? { numFmt: 'yyyy-mm-dd' }
              : type === 'datetime'
                ? { numFmt: 'yyyy-mm-dd hh:mm' }
                : {},
      };
    });
    const sort = {
      sortBy: job.sortBy ?? config.sort?.sortBy,
      direction: (job.direction ?? config.sort?.direction ?? 'asc') as 'asc' | 'desc',
    };
    let done = 0;
    for await (const rows of resource.pagesAfter(
      filter,
      { pageSize: PAGE, sort, columns: [...columns.filter((name) => name in attributes), ...(hasDeadline ? ['dueDate'] : [])] },
      context,
    )) {
      const titles = await referenceTitles(properties, rows, context);
      // People by office, as the list shows them.
      await showOffices(rows, userFields);
      for (const row of rows) {
        const cells: Record<string, unknown> = {};
        for (const name of columns) {
          const value = row[name];
          cells[name] =
            name === 'deadline' && hasDeadline
              ? deadlineLabel(row.dueDate) || null
              : cellValue(definition, labels, name, typeOf(name), value, titles.get(name)?.get(String(value)));
        }
        sheet.addRow(cells).commit();
      }
      done += rows.length;
      await recordExportProgress(job.id, attempt, { done });
      await onProgress(done, total);
      // Rows are produced faster than chunks are stored: wait for the database rather than let the zip's buffers grow.
      if (sink.writableNeedDrain) await once(sink, 'drain');
    }
    sheet.commit();
    await workbook.commit();
    const fileName = `${config.label}-${new Date().toISOString().slice(0, 10)}.xlsx`;
    // Done only now that every chunk is committed, and only if no later run took the export over meanwhile.
    if (!(await finishExportFile(sink, { done, fileName, finishedAt: new Date() }))) return job.reload();
  } catch (error) {
    sink.destroy();
    // Best effort: if the database is what failed, the next attempt or the 24 h prune removes these chunks.
    await discardExportAttempt(job.id, attempt).catch(() => undefined);
    throw error;
  }
  await job.reload();
  await recordAudit({
    user,
    action: 'exportCompleted',
    resourceId: definition.id,
    recordId: job.id,
    regionCode: user.regionCode,
    changes: { rows: { before: null, after: job.done } },
  });
  return job;
}

/**
 * A referenced record is written by its name (the unit's name, not its id), looked up once per page through the
 * target's own adapter, so a name the user may not see is never written.
 */
async function referenceTitles(
  properties: Map<string, ReturnType<JurisdictionResource['property']>>,
  rows: Array<Record<string, unknown>>,
  context: never,
): Promise<Map<string, Map<string, string>>> {
  const titles = new Map<string, Map<string, string>>();
  for (const [name, property] of properties) {
    const target = property?.reference();
    const targetDefinition = target ? RESOURCE_DEFINITIONS.find((d) => d.id === target) : undefined;
    const titleProperty = targetDefinition?.options?.titleProperty;
    if (!targetDefinition || !titleProperty) continue;
    const ids = [
      ...new Set(
        rows
          .map((r) => r[name])
          .filter((v) => v !== null && v !== undefined)
          .map(String),
      ),
    ];
    if (!ids.length) continue;
    const lookup = new JurisdictionResource(
      targetDefinition.model,
      targetDefinition.viewWhere ? { id: targetDefinition.id, where: targetDefinition.viewWhere } : undefined,
    );
    const found = await lookup.findMany(ids, context);
    titles.set(name, new Map(found.map((r) => [String(r.id()), String(r.params[titleProperty])])));
  }
  return titles;
}
