import type { Sequelize } from 'sequelize';
import { z } from 'zod';
import { ProcurementUnit } from '../../db/models.js';
import { linkUnits, type LinkScope } from '../../services/integration/link-units.js';

const keys = z.array(z.string().max(200)).max(100_000).optional();
const linkScope = z.object({ unitBudgetCodes: keys, budgetLineIds: keys, contractNos: keys, creditCodes: keys, unitNames: keys }).strict();

/** Re-links after a procurement unit's identity (budget code, credit code or name) changed. */
export async function linkUnitsJob(data: unknown): Promise<unknown> {
  const scope: LinkScope = linkScope.parse(data);
  return linkUnits(ProcurementUnit.sequelize as Sequelize, scope);
}
