import React, { useEffect, useMemo, useState } from 'react';
import { ApiClient, PropertyLabel, flat, type EditPropertyProps, type RecordJSON } from 'adminjs';
import { FormGroup, FormMessage, SelectAsync } from '@adminjs/design-system';

type Option = { value: string | number; label: string; record: RecordJSON };

/**
 * Every reference drop-down of a form (AdminJS's reference field, otherwise as AdminJS draws it): it asks the referenced
 * resource's search for what may be chosen (`filters.choosable=true`: leaf categories, suppliers valid today …, as the
 * resource declares in `choosable`), so the form offers nothing the server would refuse. A list's filter keeps every
 * record: finding the goods of an expired supplier is a fair question.
 */
const ReferenceEdit: React.FC<EditPropertyProps> = ({ onChange, property, record }) => {
  const resourceId = property.reference!;
  const error = record?.errors?.[property.path];
  const selectedId = useMemo(() => flat.get(record?.params, property.path) as string | undefined, [record]);
  const [loaded, setLoaded] = useState<RecordJSON | undefined>();
  const [loading, setLoading] = useState(0);

  const loadOptions = async (text: string): Promise<Option[]> => {
    const response = await new ApiClient().resourceAction({
      resourceId,
      actionName: 'search',
      query: text,
      params: { 'filters.choosable': 'true' },
    });
    const records = (response.data as { records?: RecordJSON[] }).records ?? [];
    return records.map((r) => ({ value: r.id, label: r.title, record: r }));
  };

  useEffect(() => {
    if (!selectedId) return;
    setLoading((c) => c + 1);
    new ApiClient()
      .recordAction({ actionName: 'show', resourceId, recordId: selectedId })
      .then(({ data }) => setLoaded((data as { record?: RecordJSON }).record))
      .finally(() => setLoading((c) => c - 1));
  }, [selectedId, resourceId]);

  const value = selectedId && loaded ? { value: loaded.id, label: loaded.title } : { value: '', label: '' };
  return (
    <FormGroup error={Boolean(error)}>
      <PropertyLabel property={property} />
      <SelectAsync
        cacheOptions
        value={value}
        defaultOptions
        loadOptions={loadOptions}
        onChange={(selected: Option | null) =>
          selected ? onChange(property.path, selected.value, selected.record) : onChange(property.path, null)
        }
        isClearable
        isDisabled={property.isDisabled}
        isLoading={!!loading}
        {...property.props}
      />
      <FormMessage>{error?.message}</FormMessage>
    </FormGroup>
  );
};

export default ReferenceEdit;
