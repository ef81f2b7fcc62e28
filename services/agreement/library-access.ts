import { canAct } from '../../domain/jurisdiction.js';
import type { SessionUser } from '../../db/jurisdiction-scope.js';
import { AgreementLibrary } from '../../db/models/agreement/agreement-library.model.js';
import { regionLabel } from '../office-names.js';

/**
 * Only the office that owns a library maintains it: a county using its city's library reads it but does not change
 * it. Returns the refusal, or null when the user may maintain the library.
 */
export function maintenanceRefusal(
  user: SessionUser,
  library: Pick<AgreementLibrary, 'ownerRegionCode'> & { name?: string },
): string | null {
  return canAct(user.role, user.regionCode, library.ownerRegionCode)
    ? null
    : `您（${user.regionName}）不能维护${library.name ? `“${library.name}”` : '该商品库'}：商品库只能由其所属辖区（${regionLabel(library.ownerRegionCode)}）的采购办维护`;
}

/** A library by id as a form names it; null when the id is not a library. */
export async function libraryById(id: unknown): Promise<AgreementLibrary | null> {
  const numeric = Number(id);
  return Number.isInteger(numeric) && numeric > 0 ? AgreementLibrary.findByPk(numeric) : null;
}
