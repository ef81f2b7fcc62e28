import React from 'react';
import { PropertyLabel, type EditPropertyProps } from 'adminjs';
import { FormGroup, Input, TextArea } from '@adminjs/design-system';
import { lengthRefusal, textLength } from '../../domain/text-length.js';
import LengthCounter from './length-counter.js';
import { useServerAnswer } from './server-answer.js';

type TextCustom = { maxLength?: number; word?: string };
type Props = EditPropertyProps & { OriginalComponent?: React.ComponentType<EditPropertyProps> };

/**
 * A limited text of a form (the declaration's `text(length)` or a long text's `validate: { len }`, handed over by
 * panel/text-limits.ts): it shows its limit and how much is used, as the action forms' reason box, and keeps a longer
 * text whole and marked with the refusal the server gives, which names the field and the limit. Any other field of
 * these kinds (numbers, drop-downs, texts without a limit) stays AdminJS's own.
 */
const TextEdit: React.FC<Props> = (props) => {
  const { OriginalComponent, ...rest } = props;
  const custom = (props.property.custom ?? {}) as TextCustom;
  if (custom.maxLength === undefined || props.property.availableValues || props.property.isDisabled)
    return OriginalComponent ? <OriginalComponent {...rest} /> : null;
  return <LimitedText {...rest} max={custom.maxLength} word={custom.word ?? props.property.label} />;
};

const LimitedText: React.FC<EditPropertyProps & { max: number; word: string }> = ({ property, record, onChange, max, word }) => {
  const raw = record?.params?.[property.path];
  const value = raw === undefined || raw === null ? '' : String(raw);
  const answer = useServerAnswer(record, property.path, value);
  const message = lengthRefusal(value, word, max) ?? answer;
  const field = {
    id: property.path,
    name: property.path,
    width: '100%',
    value,
    'aria-invalid': !!message,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(property.path, e.target.value),
  };
  return (
    <FormGroup error={!!message}>
      <PropertyLabel property={property} />
      {property.type === 'textarea' ? <TextArea rows={Math.max(3, value.split('\n').length)} {...field} /> : <Input {...field} />}
      <LengthCounter message={message} length={textLength(value)} max={max} testId={`text-${property.path}`} />
    </FormGroup>
  );
};

export default TextEdit;
