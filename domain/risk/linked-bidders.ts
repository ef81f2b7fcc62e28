/** 关联投标: different suppliers in one package reached through the same phone or the same contact person. */
import { defineRule } from './define-rule.js';
import { yuanText } from './figures.js';
import { compareText, fenOf, partyKey, type Money } from './inputs.js';

/** A procurement_projects row. */
export interface LinkedProjectInput {
  id: number;
  name: string;
  regionCode: string;
  budgetAmount: Money | null;
}

/** A supplier_registrations row; the phone is compared by its search index (contactPhoneIndex), never in the clear. */
export interface LinkedRegistrationInput {
  projectId: number;
  packageNo: string;
  supplierName: string;
  supplierCreditCode: string;
  contactName: string | null;
  contactPhoneKey: string | null;
}

export interface LinkedBiddersThresholds {
  samePhone: boolean;
  sameContactName: boolean;
}

/** Within one package: each phone (or name) shared by suppliers of different credit codes, with their names. */
function sharedGroups(rows: readonly LinkedRegistrationInput[], keyOf: (r: LinkedRegistrationInput) => string | null): string[][] {
  const byKey = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const key = keyOf(r);
    if (!key) continue;
    const suppliers = byKey.get(key) ?? new Map<string, string>();
    byKey.set(key, suppliers);
    suppliers.set(r.supplierCreditCode, r.supplierName);
  }
  return [...byKey.values()]
    .filter((suppliers) => suppliers.size >= 2)
    .map((suppliers) => [...suppliers.values()].sort((a, b) => compareText(a, b)))
    .sort((a, b) => compareText(a.join(), b.join()));
}

export const linkedBidders = defineRule<
  { projects: readonly LinkedProjectInput[]; registrations: readonly LinkedRegistrationInput[] },
  LinkedBiddersThresholds
>('linkedBidders', ({ projects, registrations }, t, raise) => {
  const byProject = new Map<number, Map<string, LinkedRegistrationInput[]>>();
  for (const r of registrations) {
    const packages = byProject.get(r.projectId) ?? new Map<string, LinkedRegistrationInput[]>();
    byProject.set(r.projectId, packages);
    packages.set(r.packageNo, [...(packages.get(r.packageNo) ?? []), r]);
  }
  return projects.flatMap((project) => {
    const packages = byProject.get(project.id);
    if (!packages) return [];
    const phone: string[] = [];
    const contact: string[] = [];
    for (const [no, rows] of [...packages].sort(([a], [b]) => compareText(a, b))) {
      if (t.samePhone) phone.push(...sharedGroups(rows, (r) => r.contactPhoneKey).map((names) => `包${no}：${names.join('、')}`));
      if (t.sameContactName)
        contact.push(...sharedGroups(rows, (r) => partyKey(r.contactName)).map((names) => `包${no}：${names.join('、')}`));
    }
    if (!phone.length && !contact.length) return [];
    const budget = fenOf(project.budgetAmount) ?? 0;
    const figures: Record<string, string> = {};
    if (phone.length) figures['联系电话相同的供应商'] = phone.join('；');
    if (contact.length) figures['联系人相同的供应商'] = contact.join('；');
    figures['预算金额'] = budget ? yuanText(budget) : '未填写';
    return [
      raise(
        { type: 'ProcurementProject', id: project.id, label: project.name, regionCode: project.regionCode },
        budget,
        figures,
        `同一包中不同供应商（统一社会信用代码不同）的${[t.samePhone && '联系电话', t.sameContactName && '联系人'].filter(Boolean).join('或')}相同`,
      ),
    ];
  });
});
