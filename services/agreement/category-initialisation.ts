import { Op, type Transaction } from 'sequelize';
import { catalogueTree } from '../../domain/agreement-catalogue.js';
import { AgreementCategory } from '../../db/models/agreement/agreement-category.model.js';
import type { AgreementLibrary } from '../../db/models/agreement/agreement-library.model.js';

/** Standard categories a library does not have yet, parents first. */
export async function missingCategories(library: AgreementLibrary, transaction?: Transaction) {
  const existing = new Set(
    (await AgreementCategory.findAll({ where: { libraryId: library.id }, attributes: ['code'], transaction })).map((c) => c.code),
  );
  return catalogueTree().filter((node) => !existing.has(node.code));
}

/** 初始化品目: adds what is missing of the standard tree, so a second run adds nothing. Returns how many were added. */
export async function addMissingCategories(library: AgreementLibrary, transaction?: Transaction): Promise<number> {
  const missing = await missingCategories(library, transaction);
  if (!missing.length) return 0;
  const leaves = await AgreementCategory.findAll({ where: { libraryId: library.id, isLeaf: true }, transaction });
  await AgreementCategory.bulkCreate(
    missing.map((node) => ({
      libraryId: library.id,
      libraryRegionCode: library.ownerRegionCode,
      code: node.code,
      name: node.name,
      parentCode: node.parentCode,
      level: node.level,
      isLeaf: node.isLeaf,
      title: `${node.code} ${node.name}（${library.name}）`,
    })),
    { transaction },
  );
  const gainedChildren = leaves.filter((c) => missing.some((m) => m.parentCode === c.code)).map((c) => c.id);
  if (gainedChildren.length) await AgreementCategory.update({ isLeaf: false }, { where: { id: { [Op.in]: gainedChildren } }, transaction });
  return missing.length;
}
