import React from 'react';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import { Box, Label, Text } from '@adminjs/design-system';

/** The announcement's text as published: paragraphs and line breaks kept. */
const AnnouncementBody: React.FC<ShowPropertyProps> = ({ record, property, resource }) => {
  const { translateProperty } = useTranslation();
  return (
    <Box mb="xl">
      <Label>{translateProperty(property.path, resource.id)}</Label>
      <Text style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }} data-testid="announcement-body">
        {String(record.params[property.path] ?? '')}
      </Text>
    </Box>
  );
};

export default AnnouncementBody;
