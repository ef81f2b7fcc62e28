import { contractsByAward } from '../../domain/risk/award-contracts.js';
import { dayOf } from '../../domain/risk/inputs.js';
import type { RaisedFlag, RiskContext } from '../../domain/risk/risk-flag.js';
import { RISK_RULES } from '../../domain/risk/rules.js';
import type { RiskRuleCode } from '../../domain/risk/rule-codes.js';
import type { ProcurementCategory } from '../../domain/supervision-rules.js';
import {
  AcceptanceFiling,
  AwardNotice,
  ContractFiling,
  Expert,
  ExpertAssignment,
  FailedTenderHandling,
  MethodChangeRequest,
  PaymentMiddleRecord,
  PaymentVoucher,
  PostAwardRecord,
  ProcurementIntention,
  ProcurementProject,
  ProcurementUnit,
  SupplierRegistration,
} from '../../db/models.js';

type InputsOf<R extends RiskRuleCode> = Parameters<(typeof RISK_RULES)[R]>[0];

/**
 * What one evaluation reads, each table once however many rules ask for it: plain rows with only the columns the
 * rules use (no model instances), read through the same models as the panel, so a column renamed in a record's
 * declaration fails to compile here.
 */
class Sources {
  private readonly cache = new Map<string, Promise<unknown>>();

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    if (!this.cache.has(key)) this.cache.set(key, read());
    return this.cache.get(key) as Promise<T>;
  }

  projects() {
    return this.once('projects', () =>
      ProcurementProject.findAll({
        attributes: [
          'id',
          'name',
          'regionCode',
          'procurementUnitId',
          'budgetYear',
          'budgetAmount',
          'category',
          'procurementMethod',
          'stage',
          'agencyName',
          'socialAgencyName',
          'createdAt',
        ],
        raw: true,
      }),
    );
  }

  units() {
    return this.once('units', async () => {
      const rows = await ProcurementUnit.findAll({ attributes: ['id', 'name', 'regionCode'], raw: true });
      return new Map(rows.map((u) => [u.id, u]));
    });
  }

  registrations() {
    return this.once('registrations', () =>
      SupplierRegistration.findAll({
        attributes: [
          'projectId',
          'regionCode',
          'packageNo',
          'supplierName',
          'supplierCreditCode',
          'contactName',
          'contactPhoneIndex',
          'registeredAt',
          'status',
        ],
        raw: true,
      }),
    );
  }

  awards() {
    return this.once('awards', () =>
      AwardNotice.findAll({
        attributes: ['id', 'projectId', 'regionCode', 'noticeNo', 'supplierName', 'supplierCreditCode', 'awardAmount', 'issuedAt'],
        raw: true,
      }),
    );
  }

  contracts() {
    return this.once('contracts', () =>
      ContractFiling.findAll({
        attributes: [
          'id',
          'kind',
          'contractNo',
          'contractName',
          'signedAt',
          'filedAt',
          'amount',
          'supplierName',
          'procurementMethod',
          'procurementUnitId',
          'regionCode',
          'budgetYear',
        ],
        raw: true,
      }),
    );
  }

  /** The project each contract executes: contract_filings holds none, post_award_records names it by contract number. */
  projectOfContract() {
    return this.once('projectOfContract', async () => {
      const rows = await PostAwardRecord.findAll({ attributes: ['projectId', 'contractNo', 'acceptedAt'], raw: true });
      return new Map(rows.filter((r) => r.contractNo).map((r) => [r.contractNo!.trim(), r]));
    });
  }

  /** Each contract with the project it executes, null where no post-award record names its number. */
  contractsWithProject() {
    return this.once('contractsWithProject', async () => {
      const projectOf = await this.projectOfContract();
      return (await this.contracts()).map((c) => ({ ...c, projectId: projectOf.get(c.contractNo.trim())?.projectId ?? null }));
    });
  }

  acceptances() {
    return this.once('acceptances', async () => {
      const rows = await AcceptanceFiling.findAll({ attributes: ['contractFilingId', 'acceptedAt'], raw: true });
      return new Map(rows.map((r) => [r.contractFilingId, r.acceptedAt]));
    });
  }

  vouchers() {
    return this.once('vouchers', async () => {
      const [rows, units] = [
        await PaymentVoucher.findAll({
          attributes: ['id', 'voucherNo', 'contractNo', 'payeeName', 'amount', 'paidAt', 'regionCode', 'procurementUnitId'],
          raw: true,
        }),
        await this.units(),
      ];
      // A voucher without a region takes its unit's, so its flag lands in the right office's list.
      return rows.map(({ procurementUnitId, ...v }) => ({
        ...v,
        regionCode: v.regionCode ?? (procurementUnitId === null ? null : (units.get(procurementUnitId)?.regionCode ?? null)),
      }));
    });
  }
}

const contractLabel = (c: { contractName: string | null; contractNo: string }) =>
  c.contractName ? `${c.contractName}（${c.contractNo}）` : c.contractNo;

const CATEGORIES: ReadonlySet<string> = new Set<ProcurementCategory>(['goods', 'services', 'works']);
const categoryOf = (value: string | null): ProcurementCategory | null =>
  value && CATEGORIES.has(value) ? (value as ProcurementCategory) : null;

/** How each rule's inputs are read from the records we hold. */
const READERS: { [R in RiskRuleCode]: (s: Sources) => Promise<InputsOf<R>> } = {
  singleResponse: async (s) => ({ projects: await s.projects(), registrations: await s.registrations() }),

  linkedBidders: async (s) => ({
    projects: await s.projects(),
    registrations: (await s.registrations()).map((r) => ({ ...r, contactPhoneKey: r.contactPhoneIndex ?? null })),
  }),

  failedThenNonCompetitive: async (s) => {
    const projects = await s.projects();
    const unitOfProject = new Map(projects.map((p) => [p.id, p.procurementUnitId]));
    const handlings = await FailedTenderHandling.findAll({
      attributes: ['id', 'projectId', 'projectName', 'regionCode', 'amount', 'newMethod', 'createdAt', 'unitApprovedAt'],
      raw: true,
    });
    const changes = await MethodChangeRequest.findAll({
      attributes: ['id', 'projectName', 'regionCode', 'procurementUnitId', 'requestedMethod', 'amount', 'submittedAt'],
      raw: true,
    });
    const unitOf = (projectId: number | null) => (projectId === null ? null : (unitOfProject.get(projectId) ?? null));
    return {
      failedTenders: handlings.map((h) => ({
        id: h.id,
        projectName: h.projectName,
        procurementUnitId: unitOf(h.projectId),
        amount: h.amount,
        failedAt: h.createdAt,
      })),
      followUps: [
        ...projects.map((p) => ({
          subjectType: 'ProcurementProject' as const,
          id: p.id,
          name: p.name,
          regionCode: p.regionCode,
          procurementUnitId: p.procurementUnitId,
          method: p.procurementMethod,
          amount: p.budgetAmount,
          startedAt: p.createdAt,
        })),
        ...changes.map((c) => ({
          subjectType: 'MethodChangeRequest' as const,
          id: c.id,
          name: c.projectName,
          regionCode: c.regionCode,
          procurementUnitId: c.procurementUnitId,
          method: c.requestedMethod,
          amount: c.amount,
          startedAt: c.submittedAt,
        })),
        ...handlings.map((h) => ({
          subjectType: 'FailedTenderHandling' as const,
          id: h.id,
          name: h.projectName,
          regionCode: h.regionCode,
          procurementUnitId: unitOf(h.projectId),
          method: h.newMethod,
          amount: h.amount,
          startedAt: h.unitApprovedAt,
        })),
      ],
    };
  },

  splitPurchases: async (s) => {
    const units = await s.units();
    const unit = (id: number | null) => (id === null ? undefined : units.get(id));
    const projects = (await s.projects()).flatMap((p) => {
      const u = unit(p.procurementUnitId);
      return u
        ? [
            {
              procurementUnitId: u.id,
              unitName: u.name,
              unitRegionCode: u.regionCode,
              category: categoryOf(p.category),
              budgetYear: p.budgetYear,
              amount: p.budgetAmount,
              method: p.procurementMethod,
            },
          ]
        : [];
    });
    const orders = (await s.contracts()).flatMap((c) => {
      const u = unit(c.procurementUnitId);
      return c.kind === 'agreement' && u
        ? [
            {
              procurementUnitId: u.id,
              unitName: u.name,
              unitRegionCode: u.regionCode,
              category: 'goods' as const,
              budgetYear: c.budgetYear,
              amount: c.amount,
              method: c.procurementMethod,
            },
          ]
        : [];
    });
    return [...projects, ...orders];
  },

  abnormalSavings: async (s) => ({ projects: await s.projects(), awards: await s.awards() }),

  lateContractSigning: async (s) => {
    const issued = new Map<number, string>();
    for (const a of await s.awards()) {
      const day = dayOf(a.issuedAt);
      const before = issued.get(a.projectId);
      // The first notice of a project starts its 30 days.
      if (day && (!before || day < before)) issued.set(a.projectId, day);
    }
    // 第四十六条 times only the original contract; its supplements are 合同金额超中标/追加超限's to judge.
    const contracts = await s.contractsWithProject();
    const originals = new Set([...contractsByAward(contracts).values()].map((split) => split.original.id));
    return contracts.map((c) => ({
      id: c.id,
      label: contractLabel(c),
      regionCode: c.regionCode,
      amount: c.amount,
      signedAt: c.signedAt,
      awardIssuedAt: c.projectId !== null && originals.has(c.id) ? (issued.get(c.projectId) ?? null) : null,
    }));
  },

  lateContractFiling: async (s) =>
    (await s.contracts()).map((c) => ({
      id: c.id,
      label: contractLabel(c),
      regionCode: c.regionCode,
      amount: c.amount,
      signedAt: c.signedAt,
      filedAt: c.filedAt,
    })),

  contractAboveAward: async (s) => {
    const projects = new Map((await s.projects()).map((p) => [p.id, p]));
    return {
      awards: (await s.awards()).map((a) => ({
        id: a.id,
        projectId: a.projectId,
        label: projects.get(a.projectId)?.name ?? a.noticeNo,
        regionCode: a.regionCode,
        supplierName: a.supplierName,
        awardAmount: a.awardAmount,
      })),
      contracts: (await s.contractsWithProject()).map((c) => ({
        id: c.id,
        contractNo: c.contractNo,
        projectId: c.projectId,
        supplierName: c.supplierName,
        amount: c.amount,
        signedAt: c.signedAt,
      })),
    };
  },

  latePayment: async (s) => {
    const accepted = await s.acceptances();
    const projectOf = await s.projectOfContract();
    return {
      contracts: (await s.contracts()).map((c) => ({
        id: c.id,
        contractNo: c.contractNo,
        label: contractLabel(c),
        regionCode: c.regionCode,
        acceptedAt: accepted.get(c.id) ?? projectOf.get(c.contractNo.trim())?.acceptedAt ?? null,
      })),
      vouchers: await s.vouchers(),
    };
  },

  paymentMismatch: async (s) => {
    const pushed = await PaymentMiddleRecord.findAll({ attributes: ['contractNo'], raw: true });
    return {
      contracts: (await s.contracts()).map((c) => ({
        id: c.id,
        contractNo: c.contractNo,
        label: contractLabel(c),
        regionCode: c.regionCode,
        supplierName: c.supplierName,
        amount: c.amount,
      })),
      pushedContractNos: pushed.map((p) => p.contractNo),
      vouchers: await s.vouchers(),
    };
  },

  serialLoser: async (s) => ({ registrations: await s.registrations(), awards: await s.awards() }),

  supplierConcentration: async (s) => {
    const projects = new Map((await s.projects()).map((p) => [p.id, p]));
    const units = await s.units();
    return (await s.awards()).flatMap((a) => {
      const unitId = projects.get(a.projectId)?.procurementUnitId;
      const unit = unitId === undefined || unitId === null ? undefined : units.get(unitId);
      return unit
        ? [
            {
              procurementUnitId: unit.id,
              unitName: unit.name,
              unitRegionCode: unit.regionCode,
              supplierCreditCode: a.supplierCreditCode,
              supplierName: a.supplierName,
              awardAmount: a.awardAmount,
              issuedAt: a.issuedAt,
            },
          ]
        : [];
    });
  },

  shortIntentionNotice: async () =>
    ProcurementIntention.findAll({
      attributes: ['id', 'projectName', 'regionCode', 'budgetAmount', 'publishedAt', 'procurementStartAt'],
      raw: true,
    }),

  repeatedExpert: async (s) => {
    const projects = new Map((await s.projects()).map((p) => [p.id, p]));
    const units = await s.units();
    const experts = new Map((await Expert.findAll({ attributes: ['id', 'name', 'registrationRegion'], raw: true })).map((e) => [e.id, e]));
    const assignments = await ExpertAssignment.findAll({ attributes: ['expertId', 'projectId', 'evaluatedAt'], raw: true });
    return assignments.flatMap((a) => {
      const expert = experts.get(a.expertId);
      const project = projects.get(a.projectId);
      if (!expert || !project) return [];
      const unitId = project.procurementUnitId;
      const unitName = unitId === null ? null : (units.get(unitId)?.name ?? null);
      // A unit buying by itself names itself as the agency: that is its own evaluation, counted under the unit only.
      const agency = [project.socialAgencyName, project.agencyName].map((n) => n?.trim()).find((n) => n && n !== unitName) ?? null;
      return [
        {
          expertId: expert.id,
          expertName: expert.name,
          expertRegionCode: expert.registrationRegion,
          projectId: project.id,
          procurementUnitId: unitId,
          unitName,
          agencyName: agency,
          projectAmount: project.budgetAmount,
          evaluatedAt: a.evaluatedAt,
        },
      ];
    });
  },
};

/** The rules that read what a worker receives or sends: evaluated again soon after it changes, not only at night. */
export const RULES_READING: Readonly<Record<'vouchers' | 'pushedContracts', readonly RiskRuleCode[]>> = {
  vouchers: ['latePayment', 'paymentMismatch'],
  pushedContracts: ['paymentMismatch'],
};

/** Evaluates the rules asked for over everything we hold; each rule's flags, in its code's order. */
export async function raiseFlags(
  rules: readonly RiskRuleCode[],
  settings: { [R in RiskRuleCode]: Parameters<(typeof RISK_RULES)[R]>[1] },
  context: RiskContext,
): Promise<Map<RiskRuleCode, RaisedFlag[]>> {
  const sources = new Sources();
  const raised = new Map<RiskRuleCode, RaisedFlag[]>();
  for (const rule of rules) {
    const evaluate = RISK_RULES[rule] as (inputs: unknown, settings: unknown, context: RiskContext) => RaisedFlag[];
    raised.set(rule, evaluate(await READERS[rule](sources), settings[rule], context));
  }
  return raised;
}
