import React from 'react';
import { useTranslation } from 'adminjs';
import { Box, Button, H3, Text } from '@adminjs/design-system';

export type ErrorKind = 'notFound' | 'refused';

/**
 * The panel's own error page inside the SPA, instead of AdminJS's planet and its sentence naming the resource id
 * and action: Chinese words from the locale, our emblem from /static, and a way back (the list, 工作台).
 */
export const ErrorPanel: React.FC<{ kind: ErrorKind; resourceId?: string; resourceName?: string }> = ({
  kind,
  resourceId,
  resourceName,
}) => {
  const { translateComponent, translateLabel } = useTranslation();
  const t = (key: string, options?: Record<string, string>) => translateComponent(`ErrorPage.${key}`, undefined, options);
  return (
    <Box variant="white" p="xxl" m="xl" data-testid="panel-error-page" data-kind={kind} style={{ textAlign: 'center' }}>
      <img src="/static/emblem.svg" alt="" width={64} height={64} />
      <H3 mt="lg">{t(kind === 'refused' ? 'refusedTitle' : 'notFoundTitle')}</H3>
      <Text mb="xl">{t(kind === 'refused' ? 'refusedMessage' : 'notFoundMessage')}</Text>
      <Box flex justifyContent="center" style={{ gap: 16 }}>
        {resourceId && resourceName && (
          <Button as="a" href={`/admin/resources/${encodeURIComponent(resourceId)}`} variant="outlined">
            {t('backToList', { resource: translateLabel(resourceName, resourceId) })}
          </Button>
        )}
        <Button as="a" href="/admin" variant="contained">
          {t('backToWorkbench')}
        </Button>
      </Box>
    </Box>
  );
};
