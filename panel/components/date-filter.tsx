import React from 'react';
import { DatePicker, FormGroup, Label } from '@adminjs/design-system';
import { PropertyLabel, useTranslation, type FilterPropertyProps } from 'adminjs';
import { dayOfPickerValue, pickerValueOfDay } from './calendar-day.js';
import { chinesePickerProps } from './chinese-date-picker.js';

/** AdminJS's separator of a range filter's two keys (`validTo~~from`, `validTo~~to`). */
const RANGE = '~~';

/**
 * Replaces AdminJS's date range filter on every list: a date-only column is filtered by the days chosen, sent as
 * `YYYY-MM-DD` (the server compares them as days), so the range is the same in any browser zone; a date-time column
 * keeps AdminJS's instants. Both pickers are Chinese.
 */
const DateFilter: React.FC<FilterPropertyProps> = ({ property, filter, onChange }) => {
  const { translateProperty, translateLabel } = useTranslation();
  const dateOnly = property.type === 'date';
  const picker = chinesePickerProps(dateOnly ? 'date' : 'datetime', translateLabel('pickerTime'));
  const bound = (end: 'from' | 'to') => {
    const key = `${property.path}${RANGE}${end}`;
    const value = filter?.[key] as string | undefined;
    return (
      <DatePicker
        value={dateOnly ? pickerValueOfDay(value) : (value ?? '')}
        onChange={(picked: string | null) => onChange(key, dateOnly ? dayOfPickerValue(picked) : picked)}
        propertyType={property.type}
        {...picker}
      />
    );
  };
  return (
    <FormGroup variant="filter">
      <PropertyLabel property={property} filter />
      <Label>{`- ${translateProperty('from')}: `}</Label>
      {bound('from')}
      <Label mt="default">{`- ${translateProperty('to')}: `}</Label>
      {bound('to')}
    </FormGroup>
  );
};

export default DateFilter;
