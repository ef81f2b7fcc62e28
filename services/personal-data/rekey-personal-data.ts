import type { Sequelize } from 'sequelize';
import { sealingKeyId } from '../../db/personal-data/personal-cipher.js';
import { personalSitesOf, resealPersonalData, type ResealCount } from '../../db/personal-data/reseal.js';
import { recordAudit } from '../audit.js';

export const REKEY_ACTION = 'personalDataRekeyed';

/**
 * Key rotation of personal data at rest: every sealed value of every personal field moves to the sealing key (the
 * first of PERSONAL_DATA_KEYS), plain text left by an older release is sealed, and the pass is written to the audit
 * log with its counts and who ran it. Values that no configured key opens are counted, never changed.
 */
export async function rekeyPersonalData(sequelize: Sequelize, { operator }: { operator: string }): Promise<ResealCount[]> {
  const counts = await resealPersonalData(sequelize, personalSitesOf(sequelize));
  const total = (key: keyof Omit<ResealCount, 'column'>) => counts.reduce((sum, c) => sum + c[key], 0);
  await recordAudit({
    user: null,
    action: REKEY_ACTION,
    resourceId: 'PersonalData',
    recordId: sealingKeyId(),
    changes: {
      sealingKey: { before: null, after: sealingKeyId() },
      resealed: { before: null, after: total('resealed') },
      sealed: { before: null, after: total('sealed') },
      unreadable: { before: null, after: total('unreadable') },
    },
    reason: `由操作系统用户 ${operator} 运行 npm run personal-data:rekey`,
  });
  return counts;
}
