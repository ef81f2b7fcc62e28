/** The headings a record's page is read under, in this order (panel/record-sections.ts says which field goes where). */
export const RECORD_SECTIONS = ['basic', 'review', 'deadline', 'related', 'history'] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];

/** The locale's label of each heading. */
export const SECTION_LABELS: Record<RecordSection, string> = {
  basic: 'sectionBasic',
  review: 'sectionReview',
  deadline: 'sectionDeadline',
  related: 'relatedTitle',
  history: 'historyTitle',
};

/** Tables and long text read across the page; everything else shares a row with a neighbour. */
export const FULL_WIDTH_SECTIONS: ReadonlySet<RecordSection> = new Set(['related', 'history']);
const FULL_WIDTH_TYPES = new Set(['textarea', 'richtext', 'mixed', 'key-value']);

interface SectionedProperty {
  propertyPath: string;
  type?: string;
  custom?: Record<string, unknown>;
}

const sectionOf = (property: SectionedProperty): RecordSection => {
  const section = property.custom?.section;
  return (RECORD_SECTIONS as readonly unknown[]).includes(section) ? (section as RecordSection) : 'basic';
};

/** The page's properties under their headings, each in the order the resource shows them; empty headings left out. */
export function groupIntoSections<P extends SectionedProperty>(properties: readonly P[]): { section: RecordSection; properties: P[] }[] {
  return RECORD_SECTIONS.map((section) => ({ section, properties: properties.filter((p) => sectionOf(p) === section) })).filter(
    (group) => group.properties.length > 0,
  );
}

export const spansFullWidth = (property: SectionedProperty): boolean =>
  FULL_WIDTH_SECTIONS.has(sectionOf(property)) || FULL_WIDTH_TYPES.has(property.type ?? '');

/** Nothing to show: the page says — instead of leaving a blank under the label. */
export const isEmptyValue = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
