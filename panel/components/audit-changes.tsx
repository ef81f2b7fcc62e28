import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { describeChanges, parseChanges } from './change-words.js';

/** An audit row's changes in the words of the record acted on (its resource's field names and labels), not its JSON. */
const AuditChanges: React.FC<BasePropertyProps> = ({ record, property, where }) => {
  const words = useTranslation();
  const raw = record?.params?.[property.path];
  const text = describeChanges(words, String(record?.params?.resourceId ?? ''), parseChanges(raw)) || (raw ? String(raw) : '');
  if (where === 'list') return <span>{text}</span>;
  return <ValueGroup label={words.translateProperty(property.label, property.resourceId)}>{text}</ValueGroup>;
};

export default AuditChanges;
