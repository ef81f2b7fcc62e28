import { buildFeature, type ActionResponse, type FeatureType, type ListActionResponse } from 'adminjs';

/** A record's values as the panel sends them. */
export type ShownParams = Record<string, unknown>;

/**
 * Values worked out when a record is read rather than stored (a deadline counted in working days today, a state the
 * clock has moved on): `fill` writes them into every record of a list and into a record's page, with the same `now`
 * for all the rows of one answer.
 */
export function readTimeValuesFeature(
  fill: (params: ShownParams, now: Date) => void,
  options: Omit<Parameters<typeof buildFeature>[0], 'actions'> = {},
): FeatureType {
  const onList = async (response: ActionResponse): Promise<ActionResponse> => {
    const now = new Date();
    for (const record of (response as ListActionResponse).records ?? []) fill(record.params, now);
    return response;
  };
  const onShow = async (response: ActionResponse): Promise<ActionResponse> => {
    if (response.record) fill(response.record.params, new Date());
    return response;
  };
  return buildFeature({ ...options, actions: { list: { after: [onList] }, show: { after: [onShow] } } });
}
