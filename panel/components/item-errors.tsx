import React from 'react';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import { Box, Label, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';

type Rejection = { index: number; errors: Array<{ field: string; message: string }> };

/** A batch's per-item errors as a table: which item (index from 0), which field, what is wrong. */
const ItemErrors: React.FC<ShowPropertyProps> = ({ record, property, resource }) => {
  const { translateLabel, translateProperty } = useTranslation();
  const raw = record.params[property.path] as string | undefined;
  const rejections: Rejection[] = raw ? JSON.parse(raw) : [];
  const rows = rejections.flatMap((r) => r.errors.map((e) => ({ index: r.index, ...e })));
  return (
    <Box mb="xl" data-testid="item-errors">
      <Label>{translateProperty(property.path, resource.id)}</Label>
      {rows.length === 0 ? (
        <Text>{translateLabel('itemErrorsEmpty')}</Text>
      ) : (
        <Table>
          <TableHead>
            <TableRow>
              {['itemIndex', 'itemField', 'itemMessage'].map((key) => (
                <TableCell key={key}>{translateLabel(key)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, i) => (
              <TableRow key={i}>
                <TableCell>{row.index}</TableCell>
                <TableCell>{row.field}</TableCell>
                <TableCell>{row.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export default ItemErrors;
