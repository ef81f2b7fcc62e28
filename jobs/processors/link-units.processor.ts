import type { Sequelize } from 'sequelize';
import { ProcurementUnit } from '../../resources/models.js';
import { linkUnits, type LinkScope } from '../ingest/link-units.js';

/** Re-links after a procurement unit's identity (budget code, credit code or name) changed. */
export async function linkUnitsJob(data: unknown): Promise<unknown> {
  return linkUnits(ProcurementUnit.sequelize as Sequelize, data as LinkScope);
}
