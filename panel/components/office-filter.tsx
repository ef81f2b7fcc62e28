import React, { useEffect, useState } from 'react';
import { FormGroup, Select } from '@adminjs/design-system';
import { ApiClient, PropertyLabel, type FilterPropertyProps } from 'adminjs';

// Kept in step with panel/code-words.ts OFFICE_OPTIONS_ACTION (the bundle cannot import server code).
const OFFICE_OPTIONS_ACTION = 'officeOptions';

type Option = { value: string; label: string };

/**
 * A person filter (who acted, who created) picked by office: the server offers the offices the viewer may see, each
 * standing for its login, so nobody needs to know that 南昌市采购办 signs in as nanchang.
 */
const OfficeFilter: React.FC<FilterPropertyProps> = ({ property, filter = {}, onChange }) => {
  const [options, setOptions] = useState<Option[] | null>(null);
  useEffect(() => {
    let current = true;
    new ApiClient()
      .resourceAction({ resourceId: property.resourceId, actionName: OFFICE_OPTIONS_ACTION })
      .then((response) => current && setOptions((response.data as { options?: Option[] }).options ?? []))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [property.resourceId]);
  const chosen = filter[property.path] as string | undefined;
  // Until the offices are known the chosen one is left blank rather than shown by its login.
  const value = chosen && options ? (options.find((o) => o.value === chosen) ?? { value: chosen, label: chosen }) : null;
  return (
    <FormGroup data-testid={`office-filter-${property.path}`}>
      <PropertyLabel property={property} filter />
      <Select
        variant="filter"
        value={value}
        isClearable
        options={options ?? []}
        onChange={(picked: Option | null) => onChange(property.path, picked ? picked.value : undefined)}
      />
    </FormGroup>
  );
};

export default OfficeFilter;
