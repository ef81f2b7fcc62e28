import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { AGREEMENT_CATEGORY } from '../../records/agreement-category.record.js';

/** A category (品目) of one library; goods hang only under leaves. */
export class AgreementCategory extends recordModel(AGREEMENT_CATEGORY) {
  static initialize(sequelize: Sequelize): void {
    initRecord(AgreementCategory, sequelize, AGREEMENT_CATEGORY, {
      hooks: {
        // A category with a child is no longer a leaf, so no goods can be added under it from now on.
        afterCreate: async (category, options) => {
          if (!category.parentCode) return;
          await AgreementCategory.update(
            { isLeaf: false },
            { where: { libraryId: category.libraryId, code: category.parentCode }, transaction: options.transaction },
          );
        },
      },
    });
  }
}
