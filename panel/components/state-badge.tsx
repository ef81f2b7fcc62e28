import React from 'react';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { ValueGroup } from '@adminjs/design-system';
import type { Tone } from '../../db/record/field-types.js';
import { TONE_COLOURS } from './tone-palette.js';

/** A state or verdict as a badge coloured by what it means (the record's declaration gives each value its tone). */
const StateBadge: React.FC<BasePropertyProps> = ({ record, property, resource, where }) => {
  const { translateLabel, translateProperty } = useTranslation();
  const value = record?.params[property.path] as string | null | undefined;
  const tones = (property.custom as { tones?: Record<string, Tone> } | undefined)?.tones ?? {};
  const option = property.availableValues?.find((o) => o.value === value);
  const tone: Tone = (value && tones[value]) || 'neutral';
  const colours = TONE_COLOURS[tone];
  const badge =
    value === null || value === undefined || value === '' ? null : (
      <span
        data-testid="state-badge"
        data-tone={tone}
        style={{
          display: 'inline-block',
          padding: '2px 8px',
          borderRadius: 10,
          border: `1px solid ${colours.border}`,
          background: colours.background,
          color: colours.color,
          fontSize: 12,
          lineHeight: '18px',
          whiteSpace: 'nowrap',
        }}
      >
        {translateLabel(`${property.propertyPath}.${value}`, resource.id, { defaultValue: option?.label ?? value })}
      </span>
    );
  if (where === 'list') return badge;
  // Framed as AdminJS's own show page frames a field, so its label reads like the others.
  return <ValueGroup label={translateProperty(property.label, resource.id)}>{badge}</ValueGroup>;
};

export default StateBadge;
