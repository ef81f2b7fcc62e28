import React from 'react';
import { RecordsTable, useResource, useTranslation, type RecordJSON, type ShowPropertyProps } from 'adminjs';
import { Box, H5, Link, Text } from '@adminjs/design-system';

type Block = { resourceId: string; title: string; total: number; listUrl: string; records: RecordJSON[] };

const RelatedBlock: React.FC<{ block: Block }> = ({ block }) => {
  const { translateLabel } = useTranslation();
  const resource = useResource(block.resourceId);
  if (!resource) return null;
  return (
    <Box mb="xl" data-testid={`related-${block.title}`}>
      <H5>
        {translateLabel(block.title)}{' '}
        <Text as="span" color="grey60">
          {translateLabel('relatedCount', undefined, { count: block.total })}
        </Text>
      </H5>
      {block.total === 0 ? (
        <Text>{translateLabel('relatedEmpty')}</Text>
      ) : (
        <>
          <RecordsTable resource={resource} records={block.records} actionPerformed={() => undefined} isLoading={false} />
          {block.total > block.records.length && (
            <Link href={block.listUrl}>{translateLabel('relatedAll', undefined, { count: block.total })}</Link>
          )}
        </>
      )}
    </Box>
  );
};

/** The records that belong to this one (a unit's budgets, a filing's acceptance and pushes …), as their own lists show them. */
const RelatedRecords: React.FC<ShowPropertyProps> = ({ record }) => {
  const raw = record.params.related as string | undefined;
  const blocks: Block[] = raw ? JSON.parse(raw) : [];
  if (!blocks.length) return null;
  return (
    // Headed 相关记录 by the record page's section (record-show.tsx).
    <Box mb="xl" data-testid="related-records">
      {blocks.map((block) => (
        <RelatedBlock key={block.title} block={block} />
      ))}
    </Box>
  );
};

export default RelatedRecords;
