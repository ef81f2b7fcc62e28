import React from 'react';
import { useTranslation } from 'adminjs';
import { Box, FormMessage, Text } from '@adminjs/design-system';

/**
 * The line under a limited text: what is wrong with it on the left, how much of the limit is used on the right
 * (「23/500」, red once over). Shared by the action forms' reason box and every limited text of the record forms.
 */
const LengthCounter: React.FC<{ message: string | null; length: number; max: number; testId: string }> = ({
  message,
  length,
  max,
  testId,
}) => {
  const { translateLabel } = useTranslation();
  return (
    <Box flex justifyContent="space-between" style={{ gap: 16 }}>
      <FormMessage data-testid={`${testId}-error`}>{message ?? ''}</FormMessage>
      <Text
        as="span"
        variant="sm"
        color={length > max ? 'error' : 'grey60'}
        style={{ whiteSpace: 'nowrap' }}
        title={translateLabel('lengthLimit', { max })}
        data-testid={`${testId}-counter`}
      >
        {length}/{max}
      </Text>
    </Box>
  );
};

export default LengthCounter;
