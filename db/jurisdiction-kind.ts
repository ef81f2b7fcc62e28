/**
 * How a model's rows relate to jurisdiction. Every model registered as a resource declares one, so the adapter can
 * fail closed for anything that forgot to.
 * - `region`: rows carry an owning region in `field`; users see their region subtree.
 * - `reference`: shared reference data every signed-in user may read (the region tree).
 * - `admin`: rows of the system itself (accounts, login attempts, receiving batches): only the three administrators
 *   see them, each the resources of their own duty (config/resources.yaml).
 * - `audit`: the audit trail, owned by the region in `field` of the record acted on: the audit administrator sees all
 *   of it; offices and the system administrator count in it as in a regional record (the workbench's charts), though
 *   only the audit administrator lists it.
 * - `library`: rows of a goods library, owned by the region in `field`. A city or the province sees the libraries of
 *   its subtree; a county sees the one library it works in: its own once built, otherwise its city's.
 */
export type JurisdictionKind =
  | { kind: 'region'; field: string }
  | { kind: 'library'; field: string }
  | { kind: 'audit'; field: string }
  | { kind: 'reference' }
  | { kind: 'admin' };
