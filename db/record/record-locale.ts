import type { AnyRecordDeclaration, ChoiceSpec, FieldSpec, Language } from './field-types.js';

/**
 * A resource's block of the panel's translations (AdminJS `resources.<id>`): field names and choice labels. A type,
 * not an interface, so it fits AdminJS's index-signed LocaleTranslationsBlock as it is.
 */
export type RecordLocale = {
  properties: Record<string, string>;
  labels: Record<string, Record<string, string>>;
};

const isChoice = (spec: FieldSpec): spec is ChoiceSpec => spec.kind === 'choice';

/** A choice's labels in one language, value → words (state labels of decisions, filters, exports). */
export function choiceLabels<V extends string>(spec: ChoiceSpec<V, unknown>, language: Language): Record<V, string> {
  return Object.fromEntries(spec.values.map((value) => [value, spec.choiceLabels[value][language]])) as Record<V, string>;
}

/** A choice as the panel's select offers it (AdminJS `availableValues`), in the declared order. */
export function availableValues(spec: ChoiceSpec, language: Language): Array<{ value: string; label: string }> {
  return spec.values.map((value) => ({ value, label: spec.choiceLabels[value]![language] }));
}

/**
 * The translations of a record in one language. Fields without a label are left out, so the panel's global labels
 * (createdAt, dueDate …) name them as before.
 */
export function recordLocale(declaration: AnyRecordDeclaration, language: Language): RecordLocale {
  const fields = Object.entries(declaration.fields as Record<string, FieldSpec>);
  return {
    properties: Object.fromEntries(fields.flatMap(([name, spec]) => (spec.label ? [[name, spec.label[language]]] : []))),
    labels: Object.fromEntries(fields.flatMap(([name, spec]) => (isChoice(spec) ? [[name, choiceLabels(spec, language)]] : []))),
  };
}
