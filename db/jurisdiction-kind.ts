/**
 * How a model's rows relate to jurisdiction. Every model registered as a resource declares one, so the adapter can
 * fail closed for anything that forgot to.
 * - `region`: rows carry an owning region in `field`; users see their region subtree.
 * - `reference`: shared reference data every signed-in user may read (the region tree).
 * - `admin`: only administrators see the rows at all.
 * - `library`: rows of a goods library, owned by the region in `field`. A city or the province sees the libraries of
 *   its subtree; a county sees the one library it works in: its own once built, otherwise its city's.
 */
export type JurisdictionKind =
  { kind: 'region'; field: string } | { kind: 'library'; field: string } | { kind: 'reference' } | { kind: 'admin' };
