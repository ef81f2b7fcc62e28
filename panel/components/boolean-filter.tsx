import React from 'react';
import { FormGroup, Select } from '@adminjs/design-system';
import { PropertyLabel, useTranslation, type FilterPropertyProps } from 'adminjs';
import { booleanOf } from './boolean-value.js';

/**
 * A yes/no filter: AdminJS's own (boolean/filter.tsx) offers 'Yes'/'No' for any field without labels of its own;
 * this one offers the locale's 是/否, and a field's own labels (`<field>.true` / `<field>.false`) still win.
 */
const BooleanFilter: React.FC<FilterPropertyProps> = ({ property, filter = {}, onChange }) => {
  const { translateLabel } = useTranslation();
  const word = (value: boolean) =>
    translateLabel(`${property.path}.${value}`, property.resourceId, {
      defaultValue: translateLabel(value ? 'booleanTrue' : 'booleanFalse'),
    });
  const options = [true, false].map((value) => ({ value, label: word(value) }));
  const chosen = booleanOf(filter[property.path]);
  return (
    <FormGroup>
      <PropertyLabel property={property} filter />
      <Select
        variant="filter"
        value={options.find((o) => o.value === chosen) ?? ''}
        isClearable
        options={options}
        onChange={(picked: { value: boolean } | null) => onChange(property.path, picked ? picked.value : undefined)}
      />
    </FormGroup>
  );
};

export default BooleanFilter;
