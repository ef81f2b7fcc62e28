import React from 'react';
import { Badge } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';

/** What a boolean parameter says, whichever form the adapter gave it in (true, 'true', 1); undefined when unset. */
export function booleanOf(raw: unknown): boolean | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  return raw === true || raw === 'true' || raw === 1 || raw === '1';
}

/**
 * A yes/no value in lists and on record pages. AdminJS's own badge falls back to the English words 'Yes'/'No'
 * (boolean/map-value.tsx) for any field without labels of its own; here the fallback is the locale's 是/否, and a
 * field's own labels (`<field>.true` / `<field>.false`) still win.
 */
const BooleanValue: React.FC<ShowPropertyProps> = ({ record, property, resource }) => {
  const { translateLabel } = useTranslation();
  const value = booleanOf(record?.params[property.path]);
  if (value === undefined) return null;
  const word = translateLabel(`${property.path}.${value}`, resource.id, {
    defaultValue: translateLabel(value ? 'booleanTrue' : 'booleanFalse'),
  });
  return (
    <Badge outline size="sm">
      {word}
    </Badge>
  );
};

export default BooleanValue;
