import React from 'react';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { Box, Label, Link, Text } from '@adminjs/design-system';

/** A download link served by our own server, which checks the announcement's jurisdiction again. */
const AttachmentLink: React.FC<BasePropertyProps> = ({ record, property, resource, where }) => {
  const { translateProperty, translateLabel } = useTranslation();
  const name = record?.params[property.path] as string | null | undefined;
  const link = name ? (
    <Link href={`/admin/attachments/${record?.id}`} data-testid="attachment-link">
      {name}
    </Link>
  ) : (
    <Text>{translateLabel('attachmentNone')}</Text>
  );
  if (where === 'list') return link;
  return (
    <Box mb="xl">
      <Label>{translateProperty(property.path, resource?.id)}</Label>
      {link}
    </Box>
  );
};

export default AttachmentLink;
