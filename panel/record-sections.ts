import { buildFeature, type FeatureType, type PropertyOptions } from 'adminjs';
import type { AnyRecordDeclaration } from '../db/record/field-types.js';
import type { RecordSection } from './components/show-sections.js';

/** The show page's blocks that features add as virtual properties, and the section each is read under. */
export interface VirtualBlocks {
  related?: boolean;
  history?: boolean;
  /** The 办理时限 value worked out today (deadline-column.ts). */
  deadline?: boolean;
}

/**
 * Where a record's page shows each field, from its declaration: the decision() block's who / when / why, and on a
 * record that is decided the state it waits in and since when, under 审核信息; the deadline() block under 办理时限;
 * related records and history under their own headings. Fields named nowhere here are 基本信息.
 */
export function recordSections(declaration: AnyRecordDeclaration | undefined, blocks: VirtualBlocks = {}): Record<string, RecordSection> {
  const sections: Record<string, RecordSection> = {};
  const fields = Object.entries(declaration?.fields ?? {});
  const decided = !!declaration?.pending || fields.some(([, spec]) => spec.block === 'decision');
  for (const [name, spec] of fields) {
    if (spec.block === 'decision') sections[name] = 'review';
    else if (spec.block === 'deadline') sections[name] = 'deadline';
    // A state or verdict (a choice with tones) is what a decision reads and changes.
    else if (decided && spec.kind === 'choice' && spec.choiceTones) sections[name] = 'review';
  }
  if (declaration?.pending) {
    sections[declaration.pending.field] = 'review';
    sections[declaration.pending.since] = 'review';
  }
  if (blocks.deadline) sections.deadline = 'deadline';
  if (blocks.related) sections.related = 'related';
  if (blocks.history) sections.history = 'history';
  return sections;
}

/** Each property's section travels to the page in its `custom`, as the state badges' tones do. */
export function recordSectionsFeature(declaration: AnyRecordDeclaration | undefined, blocks: VirtualBlocks): FeatureType {
  const properties: Record<string, PropertyOptions> = {};
  for (const [name, section] of Object.entries(recordSections(declaration, blocks))) properties[name] = { custom: { section } };
  return buildFeature({ properties });
}
