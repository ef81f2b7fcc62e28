import React from 'react';
import { useTranslation, type EditPropertyProps } from 'adminjs';
import { FormGroup, FormMessage, Input, Label } from '@adminjs/design-system';
import { amountRefusal } from '../../domain/money.js';
import { useServerAnswer } from './server-answer.js';

type AmountCustom = { precision?: [number, number]; word?: string };

/**
 * Every money field of a form (AdminJS's currency field): what is typed stays as typed. The stock field cut 4999.999
 * to 4999.99 and let −5 through to the server; here the same rule as the server's (domain/money.ts) says at once what
 * is wrong, and the server's own answer is shown until the value it was about is changed.
 */
const AmountEdit: React.FC<EditPropertyProps> = ({ property, record, onChange }) => {
  const { translateProperty } = useTranslation();
  const custom = (property.custom ?? {}) as AmountCustom;
  const raw = record.params?.[property.path];
  const value = raw === undefined || raw === null ? '' : String(raw);
  const answer = useServerAnswer(record, property.path, value);
  const word = custom.word ?? translateProperty(property.label, property.resourceId);
  const typed = value.trim() ? amountRefusal(value, word, custom.precision ?? [15, 2]) : null;
  const message = typed ?? answer;
  return (
    <FormGroup error={!!message}>
      <Label htmlFor={property.path} required={property.isRequired}>
        {translateProperty(property.label, property.resourceId)}
      </Label>
      <Input
        id={property.path}
        name={property.path}
        inputMode="decimal"
        autoComplete="off"
        width="100%"
        value={value}
        aria-invalid={!!message}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(property.path, e.target.value)}
      />
      <FormMessage data-testid={`amount-error-${property.path}`}>{message ?? ''}</FormMessage>
    </FormGroup>
  );
};

export default AmountEdit;
