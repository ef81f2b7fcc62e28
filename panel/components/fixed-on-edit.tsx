import React from 'react';
import { BasePropertyComponent, PropertyLabel, useTranslation, type EditPropertyProps } from 'adminjs';
import { FormGroup, FormMessage, Input } from '@adminjs/design-system';

/**
 * A field that is chosen when a record is created and kept by someone else afterwards (三员分立: the system
 * administrator picks a new user's role, the security administrator changes it later). On a new record it is the
 * field's own widget; on an existing one its value is shown, not offered, with who keeps it (`custom.keptBy`, a
 * locale label). The server refuses a change all the same.
 */
const FixedOnEdit: React.FC<EditPropertyProps> = (props) => {
  const { property, record, resource } = props;
  const { tl, translateLabel } = useTranslation();
  if (!record?.id)
    return <BasePropertyComponent {...props} property={{ ...property, components: { ...property.components, edit: undefined } }} />;
  const raw = record.params?.[property.path];
  const option = property.availableValues?.find((o) => String(o.value) === String(raw));
  const shown = option ? tl(`${property.path}.${option.label}`, resource.id, { defaultValue: option.label }) : String(raw ?? '');
  const keptBy = (property.custom as { keptBy?: string } | undefined)?.keptBy;
  return (
    <FormGroup>
      <PropertyLabel property={property} />
      <Input id={property.path} name={property.path} value={shown} width="100%" disabled readOnly />
      {keptBy && <FormMessage data-testid={`kept-by-${property.path}`}>{translateLabel(keptBy)}</FormMessage>}
    </FormGroup>
  );
};

export default FixedOnEdit;
