import { buildFeature, type FeatureType, type PropertyOptions } from 'adminjs';
import type { AnyRecordDeclaration } from '../db/record/field-types.js';
import { Components } from './components/registry.js';

/**
 * Every choice whose declaration gives its values a tone (states, verdicts) is drawn as a coloured badge in lists and
 * on record pages; the tones travel to the browser in the property's `custom`, so no resource names them again.
 */
export function stateBadgeProperties(declaration: AnyRecordDeclaration | undefined): Record<string, PropertyOptions> {
  const properties: Record<string, PropertyOptions> = {};
  for (const [name, spec] of Object.entries(declaration?.fields ?? {}))
    if (spec.kind === 'choice' && spec.choiceTones)
      properties[name] = {
        components: { list: Components.StateBadge, show: Components.StateBadge },
        custom: { tones: spec.choiceTones },
      };
  return properties;
}

export function stateBadgeFeature(declaration: AnyRecordDeclaration | undefined): FeatureType[] {
  const properties = stateBadgeProperties(declaration);
  return Object.keys(properties).length ? [buildFeature({ properties })] : [];
}
