import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import { shownDate } from './date-value.js';

/** AdminJS's date and date-time value on record pages, in China time as in lists (see date-list.tsx). */
const DateShow: React.FC<ShowPropertyProps> = ({ property, record }) => {
  const { translateProperty } = useTranslation();
  return (
    <ValueGroup label={translateProperty(property.label, property.resourceId)}>
      {shownDate(record?.params?.[property.path], property.type)}
    </ValueGroup>
  );
};

export default DateShow;
