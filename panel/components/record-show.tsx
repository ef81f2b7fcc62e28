import React, { type ComponentType } from 'react';
import { Box, DrawerContent, H4, ValueGroup } from '@adminjs/design-system';
import { BasePropertyComponent, flat, useTranslation, type ActionProps, type BasePropertyJSON, type RecordJSON } from 'adminjs';
import { groupIntoSections, isEmptyValue, SECTION_LABELS, spansFullWidth } from './show-sections.js';

// Two columns where the page is wide enough for two fields of 360px side by side, one below that; never three.
const FIELDS_GRID: React.CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, max(360px, calc((100% - 48px) / 2))), 1fr))',
  columnGap: 48,
};

const valueOf = (record: RecordJSON, property: BasePropertyJSON): unknown => {
  const value = flat.get(record.params, property.propertyPath);
  return Array.isArray(value) && value.length === 0 ? null : value;
};

/** A related-records block with nothing the user may see in it has nothing to head. */
const shown = (record: RecordJSON, property: BasePropertyJSON): boolean =>
  !(property.custom?.section === 'related' && record.params[property.propertyPath] === '[]');

/**
 * A record's page for reading: its fields under 基本信息 / 审核信息 / 办理时限 / 相关记录 / 操作历史 (the sections come
 * with each property, panel/record-sections.ts), two to a row on a desktop screen, and — where a field is empty.
 * A page with its own layout or in a drawer stays AdminJS's own.
 */
const RecordShow: React.FC<ActionProps & { OriginalComponent?: ComponentType<ActionProps> }> = ({ OriginalComponent, ...props }) => {
  const { resource, record, action } = props;
  const { translateLabel, translateProperty } = useTranslation();
  if (!record || action.layout || action.showInDrawer) return OriginalComponent ? <OriginalComponent {...props} /> : null;
  const sections = groupIntoSections(resource.showProperties.filter((p) => shown(record, p)));
  return (
    <DrawerContent data-css={`${resource.id}-${action.name}-drawer-content`}>
      {sections.map(({ section, properties }) => (
        <Box as="section" key={section} mb="xl" data-testid="record-section" data-section={section}>
          <H4 mb="lg" pb="sm" style={{ borderBottom: '1px solid #e6e8ef' }}>
            {translateLabel(SECTION_LABELS[section])}
          </H4>
          <div style={FIELDS_GRID} data-testid="record-section-fields">
            {properties.map((property) => (
              <div
                key={property.propertyPath}
                style={spansFullWidth(property) ? { gridColumn: '1 / -1' } : undefined}
                data-testid="record-field"
                data-property={property.propertyPath}
              >
                {isEmptyValue(valueOf(record, property)) ? (
                  <ValueGroup label={translateProperty(property.label, resource.id)}>
                    <span data-testid="empty-value">—</span>
                  </ValueGroup>
                ) : (
                  <BasePropertyComponent where="show" property={property} resource={resource} record={record} />
                )}
              </div>
            ))}
          </div>
        </Box>
      ))}
    </DrawerContent>
  );
};

export default RecordShow;
