import React, { useEffect } from 'react';
import { useSelector } from 'react-redux';
import { useLocation, useNavigate } from 'react-router';
import { Badge, Box, ButtonGroup, cssClass, H2, type ButtonGroupProps } from '@adminjs/design-system';
import {
  actionHref,
  Breadcrumbs,
  buildActionClickHandler,
  buildActionTestId,
  useActionResponseHandler,
  useFilterDrawer,
  useModal,
  useTranslation,
  type ActionHeaderProps,
  type ActionJSON,
  type ReduxState,
} from 'adminjs';
import { documentTitle, pageTitle, recordHeading, type Words } from './page-title.js';

/**
 * AdminJS's page header (app/action-header/action-header.tsx, 7.8) with our heading: AdminJS heads every page with
 * the bare action (列表 / 显示 / 编辑) and has no way to say anything else there, so its header is redrawn here, buttons
 * and breadcrumbs as AdminJS makes them. Pages in a drawer keep AdminJS's own header.
 */
const TitledActionHeader: React.FC<ActionHeaderProps> = (props) => {
  const { resource, actionPerformed, record, action, tag, omitActions, toggleFilter: isFilterButtonVisible } = props;
  const translateFunctions = useTranslation();
  const { translateButton, translateAction, translateLabel } = translateFunctions;
  const navigate = useNavigate();
  const location = useLocation();
  const actionResponseHandler = useActionResponseHandler(actionPerformed);
  const modalFunctions = useModal();
  const { toggleFilter, filtersCount } = useFilterDrawer();
  const product = useSelector((state: ReduxState) => state.branding.companyName) ?? '';

  const words: Words = (key, values) => translateLabel(key, resource.id, values);
  const isList = action.name === 'list';
  const title = pageTitle(
    {
      resourceName: translateLabel(resource.name, resource.id),
      actionName: action.name,
      actionLabel: translateAction(action.label, resource.id),
      recordHeading: record ? recordHeading(record, resource, words) : undefined,
      total: isList ? tag : undefined,
    },
    words,
  );

  useEffect(() => {
    document.title = documentTitle(title, product);
  }, [title, product]);
  // Pages without this header (the workbench) are the product's own.
  useEffect(() => () => void (document.title = product), [product]);

  if (action.hideActionHeader) return null;

  const params = { resourceId: resource.id, recordId: record?.id };
  const onClick = (event: unknown, source: ActionJSON) =>
    buildActionClickHandler({
      action: source,
      params,
      actionResponseHandler,
      navigate,
      location,
      translateFunctions,
      modalFunctions,
    })(event);
  // No action of ours has a `parent`, so AdminJS's nesting of buttons under their parent is left out.
  const toButtons = (actions: ActionJSON[], buttonParams: typeof params): ButtonGroupProps['buttons'] =>
    actions.map((source) => {
      const href = actionHref(source, buttonParams);
      return {
        icon: source.icon,
        label: translateAction(source.label, resource.id),
        variant: source.variant,
        source,
        href: href || undefined,
        onClick: href ? (onClick as never) : undefined,
        'data-testid': buildActionTestId(source),
        buttons: [],
        'data-css': `${source.resourceId}-${source.name}-button`,
      };
    });

  const actionButtons = toButtons(
    record
      ? record.recordActions.filter((a) => a.name !== action.name)
      : resource.resourceActions.filter((a) => a.name === 'new' && a.name !== action.name),
    params,
  );
  if (typeof isFilterButtonVisible === 'function' || isFilterButtonVisible) {
    actionButtons.push({
      label: translateButton(filtersCount > 0 ? 'filterActive' : 'filter', resource.id, { count: filtersCount }),
      onClick: toggleFilter,
      icon: 'Filter',
      'data-css': `${resource.id}-filter-button`,
    });
  }
  const resourceButtons = toButtons(
    action.showResourceActions ? resource.resourceActions.filter((a) => !['list', 'new'].includes(a.name)) : [],
    { resourceId: resource.id, recordId: undefined },
  );

  return (
    <Box className={cssClass('ActionHeader')} data-css={`${resource.id}-${action.name}-action-header`}>
      <Box flex flexDirection="row" px={['default', 0]}>
        <Breadcrumbs resource={resource} actionName={action.name} record={record} />
        <Box flexShrink={0}>
          <ButtonGroup size="sm" rounded buttons={resourceButtons} />
        </Box>
      </Box>
      <Box display={['block', 'flex']}>
        <Box mt="lg" flexGrow={1} px={['default', 0]}>
          <H2 mb="lg" data-testid="page-title">
            {title}
            {tag && !isList ? (
              <Badge variant="default" outline ml="default">
                {tag}
              </Badge>
            ) : null}
          </H2>
        </Box>
        {!omitActions && (
          <Box mt="xl" mb="default" flexShrink={0}>
            <ButtonGroup buttons={actionButtons} />
          </Box>
        )}
      </Box>
    </Box>
  );
};

export default TitledActionHeader;
