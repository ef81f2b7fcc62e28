import { groupedNumber, readTotalTag, type TotalIs } from './total-words.js';

/**
 * What heads a page of the panel (and names its browser tab): a list by its menu's name and how many records it holds,
 * a record's page by the record, any other action by what it does and to which record. Pure, so the server's tests
 * and the browser's bundle share it; the words come from the locale through `words`.
 */

/** The locale's words a title is made of, with `{{…}}` filled in (i18next's `translateLabel`). */
export type Words = (key: PageTitleWord, values?: Record<string, string | number>) => string;

export type PageTitleWord =
  'pageTitleList' | 'pageTitleListAbout' | 'pageTitleListMoreThan' | 'pageTitleAction' | 'pageTitleResourceAction' | 'recordNumber';

const LIST_TITLES: Record<TotalIs, PageTitleWord> = {
  exact: 'pageTitleList',
  about: 'pageTitleListAbout',
  moreThan: 'pageTitleListMoreThan',
};

/** The parts of a record a heading can name it by, as the browser receives them (RecordJSON). */
export interface TitledRecord {
  id: string | number;
  title?: string | null;
  populated?: Record<string, { title?: string | null } | null | undefined>;
}

/** The parts of a resource that say what names its records (ResourceJSON). */
export interface TitledResource {
  titleProperty?: { propertyPath: string; isId?: boolean } | null;
  showProperties?: ReadonlyArray<{ propertyPath: string; reference?: string | null }>;
}

/** References that only say where a record belongs; a whole region never names one record. */
const PLACE_REFERENCES = new Set(['Region']);

/**
 * The record's own name (a unit's name, a contract's number). A record whose title is only its key (an affiliation,
 * an acceptance form) is named by the first record it belongs to, as the show page lists them; failing that by its number.
 */
export function recordHeading(record: TitledRecord, resource: TitledResource, words: Words): string {
  const own = String(record.title ?? '').trim();
  if (own && !resource.titleProperty?.isId) return own;
  for (const property of resource.showProperties ?? []) {
    if (!property.reference || PLACE_REFERENCES.has(property.reference)) continue;
    const title = String(record.populated?.[property.propertyPath]?.title ?? '').trim();
    if (title) return title;
  }
  return words('recordNumber', { id: own || String(record.id) });
}

export interface PageTitleInput {
  /** The resource's name in the menu (already translated). */
  resourceName: string;
  actionName: string;
  /** The action's label (already translated). */
  actionLabel: string;
  /** The record's heading (recordHeading) on a record's page. */
  recordHeading?: string;
  /** The list's total from the list's answer, as `totalTag` writes it; absent until it has come. */
  total?: number | string;
}

export function pageTitle(input: PageTitleInput, words: Words): string {
  const { resourceName, actionName, actionLabel, recordHeading: record, total } = input;
  if (actionName === 'list') {
    const stated = total === undefined || total === '' ? undefined : readTotalTag(total);
    if (!stated) return resourceName;
    return words(LIST_TITLES[stated.totalIs], { resource: resourceName, count: groupedNumber(stated.total) });
  }
  if (record !== undefined) return actionName === 'show' ? record : words('pageTitleAction', { action: actionLabel, record });
  return words('pageTitleResourceAction', { action: actionLabel, resource: resourceName });
}

/** The browser tab: the page first, so a row of tabs tells the pages apart, then the product. */
export const documentTitle = (title: string, product: string): string => (title ? `${title} - ${product}` : product);
