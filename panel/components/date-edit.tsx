import React from 'react';
import { DatePicker, FormGroup, FormMessage } from '@adminjs/design-system';
import { PropertyLabel, useTranslation, type EditPropertyProps } from 'adminjs';
import { dayOfPickerValue, pickerValueOfDay } from './calendar-day.js';
import { chinesePickerProps } from './chinese-date-picker.js';

/**
 * Replaces AdminJS's date and date-time field in every form (registered as an override of its own component, so
 * every resource's DATEONLY and DATE columns get it without naming them). A date-only field hands on the day the user
 * chose as `YYYY-MM-DD`, whatever the browser's zone; a date-time field keeps AdminJS's instant. Both pickers are Chinese.
 */
const DateEdit: React.FC<EditPropertyProps> = ({ property, record, onChange }) => {
  const { tm, translateLabel } = useTranslation();
  const dateOnly = property.type === 'date';
  const stored = record?.params?.[property.path] as string | undefined;
  const error = record?.errors?.[property.path];
  return (
    <FormGroup error={!!error}>
      <PropertyLabel property={property} />
      <DatePicker
        value={dateOnly ? pickerValueOfDay(stored) : (stored ?? '')}
        disabled={property.isDisabled}
        // A cleared day is sent as null (AdminJS would make '' an invalid Date), so an optional date can be emptied.
        onChange={(picked: string | null) => onChange(property.path, dateOnly ? dayOfPickerValue(picked) || null : picked)}
        propertyType={property.type}
        {...chinesePickerProps(dateOnly ? 'date' : 'datetime', translateLabel('pickerTime'))}
        {...property.props}
      />
      <FormMessage>{error && tm(error.message, property.resourceId)}</FormMessage>
    </FormGroup>
  );
};

export default DateEdit;
