/** 单一响应: a competitive procurement that went ahead with fewer suppliers than competition needs. */
import { METHOD_LABELS, isProcurementMethod } from '../procurement-methods.js';
import { defineRule } from './define-rule.js';
import { yuanText } from './figures.js';
import { compareText, fenOf, type Money } from './inputs.js';

/** A procurement_projects row. */
export interface ProjectInput {
  id: number;
  name: string;
  regionCode: string;
  procurementMethod: string | null;
  budgetAmount: Money | null;
  stage: string | null;
}

/** A supplier_registrations row. */
export interface RegistrationInput {
  projectId: number;
  packageNo: string;
  supplierCreditCode: string;
  status: string;
}

export interface SingleResponseThresholds {
  minSuppliers: number;
  competitiveMethods: readonly string[];
  /** Project stages whose registration is over and whose procurement went ahead. */
  stages: readonly string[];
}

export const singleResponse = defineRule<
  { projects: readonly ProjectInput[]; registrations: readonly RegistrationInput[] },
  SingleResponseThresholds
>('singleResponse', ({ projects, registrations }, t, raise) => {
  const suppliersByPackage = new Map<number, Map<string, Set<string>>>();
  for (const r of registrations) {
    const packages = suppliersByPackage.get(r.projectId) ?? new Map<string, Set<string>>();
    suppliersByPackage.set(r.projectId, packages);
    const suppliers = packages.get(r.packageNo) ?? new Set<string>();
    packages.set(r.packageNo, suppliers);
    if (r.status !== 'withdrawn') suppliers.add(r.supplierCreditCode);
  }
  return projects.flatMap((project) => {
    const budget = fenOf(project.budgetAmount);
    const packages = suppliersByPackage.get(project.id);
    if (budget === null || !packages || !project.procurementMethod || !project.stage) return [];
    if (!t.competitiveMethods.includes(project.procurementMethod) || !t.stages.includes(project.stage)) return [];
    const short = [...packages].filter(([, suppliers]) => suppliers.size < t.minSuppliers).sort(([a], [b]) => compareText(a, b));
    if (!short.length) return [];
    const method = isProcurementMethod(project.procurementMethod) ? METHOD_LABELS[project.procurementMethod] : project.procurementMethod;
    return [
      raise(
        { type: 'ProcurementProject', id: project.id, label: project.name, regionCode: project.regionCode },
        budget,
        {
          采购方式: method,
          响应不足的包: short.map(([no, suppliers]) => `${no}（${suppliers.size} 家）`).join('、'),
          最少有效报名供应商数: Math.min(...short.map(([, suppliers]) => suppliers.size)),
          预算金额: yuanText(budget),
        },
        `竞争性采购的包有效报名（未撤回）供应商少于 ${t.minSuppliers} 家`,
      ),
    ];
  });
});
