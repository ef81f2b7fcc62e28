/** Every red-flag rule by its code: a rule named in rule-codes.ts without a function here does not compile. */
import { abnormalSavings } from './abnormal-savings.js';
import { contractAboveAward } from './contract-above-award.js';
import { failedThenNonCompetitive } from './failed-then-non-competitive.js';
import { lateContractFiling } from './late-contract-filing.js';
import { lateContractSigning } from './late-contract-signing.js';
import { latePayment } from './late-payment.js';
import { linkedBidders } from './linked-bidders.js';
import { paymentMismatch } from './payment-mismatch.js';
import { repeatedExpert } from './repeated-expert.js';
import type { RiskRuleCode } from './rule-codes.js';
import { serialLoser } from './serial-loser.js';
import { shortIntentionNotice } from './short-intention-notice.js';
import { singleResponse } from './single-response.js';
import { splitPurchases } from './split-purchases.js';
import { supplierConcentration } from './supplier-concentration.js';

export const RISK_RULES = {
  singleResponse,
  linkedBidders,
  failedThenNonCompetitive,
  splitPurchases,
  abnormalSavings,
  lateContractSigning,
  lateContractFiling,
  contractAboveAward,
  latePayment,
  paymentMismatch,
  serialLoser,
  supplierConcentration,
  shortIntentionNotice,
  repeatedExpert,
} as const satisfies Record<RiskRuleCode, unknown>;
