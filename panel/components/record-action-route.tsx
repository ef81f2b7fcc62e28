import React, { useEffect, useState, type ComponentType } from 'react';
import { ApiClient, useResource } from 'adminjs';
import { Loader } from '@adminjs/design-system';
import { useParams } from 'react-router';
import { ErrorPanel } from './error-panel.js';

const api = new ApiClient();
// AdminJS's own record route shows its planet for these (utils/error-type.enum.ts); a validation error keeps the record.
const REFUSALS = new Set(['AppError', 'NotFoundError', 'ForbiddenError']);

type Verdict = { key: string; ok: boolean };

/**
 * AdminJS's record route, asked first whether the record can be shown at all: a record outside the user's
 * jurisdiction (the adapter answers it as absent) or an action the record does not offer gets our page, everything
 * else AdminJS's own route. The route renders its error components directly, so they cannot be overridden alone;
 * the price is a second GET of the record (our handlers act on POST only).
 */
const RecordActionRoute: React.FC<{ OriginalComponent?: ComponentType }> = ({ OriginalComponent }) => {
  const { resourceId = '', recordId = '', actionName = '' } = useParams();
  const resource = useResource(resourceId);
  const key = `${resourceId}/${recordId}/${actionName}`;
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  // An action without a page (e.g. delete) acts when called, so it is never fetched on entering its address, as in
  // AdminJS's own route; there is nothing to show at that address.
  const withoutPage = resource?.actions.find((a) => a.name === actionName)?.component === false;

  useEffect(() => {
    if (!resource || withoutPage) return undefined;
    let current = true;
    api.recordAction({ resourceId, recordId, actionName }).then(
      ({ data }) => {
        const record = data.record;
        const ok =
          !!record && !REFUSALS.has(String(record.baseError?.type ?? '')) && record.recordActions.some((a) => a.name === actionName);
        if (current) setVerdict({ key, ok });
      },
      () => current && setVerdict({ key, ok: false }),
    );
    return () => {
      current = false;
    };
  }, [key]);

  if (!resource) return <ErrorPanel kind="notFound" />;
  if (withoutPage) return <ErrorPanel kind="notFound" resourceId={resource.id} resourceName={resource.name} />;
  if (!verdict || verdict.key !== key) return <Loader />;
  if (!verdict.ok) return <ErrorPanel kind="refused" resourceId={resource.id} resourceName={resource.name} />;
  return OriginalComponent ? <OriginalComponent /> : null;
};

export default RecordActionRoute;
