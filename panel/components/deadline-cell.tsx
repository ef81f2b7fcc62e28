import React from 'react';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { ValueGroup } from '@adminjs/design-system';
import { TONE_COLOURS } from './tone-palette.js';

/** 办理时限 as the server worked it out today; an overdue one is red in the list, so it stands out among the rows. */
const DeadlineCell: React.FC<BasePropertyProps> = ({ record, property, resource, where }) => {
  const { translateProperty } = useTranslation();
  const text = (record?.params[property.path] as string | undefined) ?? '';
  const overdue = record?.params.deadlineOverdue === true || record?.params.deadlineOverdue === 'true';
  const cell = (
    <span
      data-testid="deadline-cell"
      data-overdue={overdue ? 'true' : 'false'}
      style={
        overdue ? { color: TONE_COLOURS.refused.color, background: TONE_COLOURS.refused.background, fontWeight: 600, padding: '0 4px' } : {}
      }
    >
      {text}
    </span>
  );
  if (where === 'list') return cell;
  // Framed as AdminJS's own show page frames a field, so its label reads like the others.
  return <ValueGroup label={translateProperty(property.label, resource.id)}>{cell}</ValueGroup>;
};

export default DeadlineCell;
