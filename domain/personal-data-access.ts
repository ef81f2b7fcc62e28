/**
 * Who reads personal data (contact phones) whole. Lists, searches, exports, related rows and the audit trail show it
 * masked to everyone; a record's own page shows it whole to the supervising offices, who may open that record only
 * within their jurisdiction (the panel's adapter sees to that) and who need the number to call a unit, supplier or
 * expert. The administrators (系统管理员, and the security and audit administrators of 三员分立) run the system, not
 * the business: they see it masked there too.
 */
const READS_IN_FULL: ReadonlySet<string> = new Set(['province', 'city', 'county', 'gongguanban']);

/** Whether `role`, opening one record it may see, reads its personal data whole. */
export function readsPersonalDataInFull(role: string | undefined): boolean {
  return role !== undefined && READS_IN_FULL.has(role);
}
