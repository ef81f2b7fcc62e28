import React, { useEffect, useState } from 'react';
import { Box } from '@adminjs/design-system';
import { ApiClient, RecordsTable, useNotice, useSelectedRecords, type ActionProps, type RecordJSON } from 'adminjs';
import { useLocation, useNavigate } from 'react-router';
import ListPager, { type PagerMeta } from './list-pager.js';
import { totalTag } from './total-words.js';

// AdminJS's own `refresh=true` (append-force-refresh.ts, not exported): an action asks the list to be read again.
const REFRESH_KEY = 'refresh';

interface ListAnswer {
  records: RecordJSON[];
  meta: PagerMeta & { sortBy?: string; direction?: 'asc' | 'desc' };
  notice?: Parameters<ReturnType<typeof useNotice>>[0];
  redirectUrl?: string;
}

/**
 * AdminJS's list (frontend/components/actions/list.tsx, 7.8) with the whole of the list's answer kept: AdminJS keeps
 * only the total of it, and a list past the limit of exact counting needs to say its total is an estimate (约 …) and to
 * page by the rows the server names (list-pager.tsx). The table, the selection and bulk actions are AdminJS's own.
 */
const ListPage: React.FC<ActionProps> = ({ resource, setTag }) => {
  const location = useLocation();
  const navigate = useNavigate();
  const addNotice = useNotice();
  const [answer, setAnswer] = useState<ListAnswer | null>(null);
  const [loading, setLoading] = useState(false);
  const records = answer?.records ?? [];
  const { selectedRecords, handleSelect, handleSelectAll, setSelectedRecords } = useSelectedRecords(records);

  const read = (isCurrent: () => boolean = () => true) => {
    setLoading(true);
    return new ApiClient()
      .resourceAction({ resourceId: resource.id, actionName: 'list', params: new URLSearchParams(location.search) })
      .then((response) => {
        if (!isCurrent()) return;
        const data = response.data as unknown as ListAnswer;
        if (data.notice) addNotice(data.notice);
        if (data.redirectUrl) {
          navigate(data.redirectUrl);
          return;
        }
        setAnswer(data);
        setLoading(false);
      })
      .catch(() => {
        if (!isCurrent()) return;
        setLoading(false);
        addNotice({ message: 'errorFetchingRecords', type: 'error', resourceId: resource.id });
      });
  };

  useEffect(() => {
    const search = new URLSearchParams(location.search);
    if (search.get(REFRESH_KEY)) {
      search.delete(REFRESH_KEY);
      navigate({ pathname: location.pathname, search: search.toString() }, { replace: true });
      return undefined;
    }
    // An answer to an address the user has already left is dropped, not shown over the newer one.
    let current = true;
    void read(() => current);
    return () => {
      current = false;
    };
  }, [resource.id, location.search, location.state]);

  useEffect(() => {
    if (setTag && answer) setTag(totalTag(answer.meta));
  }, [answer?.meta.total, answer?.meta.totalIs]);

  useEffect(() => {
    setSelectedRecords([]);
  }, [resource.id]);

  useEffect(() => {
    const search = new URLSearchParams(location.search);
    if (search.get(REFRESH_KEY)) setSelectedRecords([]);
    else {
      const recordIds = search.get('recordIds')?.split(',') ?? [];
      setSelectedRecords(records.filter((r) => recordIds.includes(r.id.toString())));
    }
  }, [location.search, records]);

  return (
    // AdminJS's name for the list's box (getActionElementCss, which its browser bundle does not hand to components).
    <Box variant="container" data-css={`${resource.id}-list-table-wrapper`}>
      <RecordsTable
        resource={resource}
        records={records}
        actionPerformed={() => read()}
        onSelect={handleSelect}
        onSelectAll={handleSelectAll}
        selectedRecords={selectedRecords}
        direction={answer?.meta.direction}
        sortBy={answer?.meta.sortBy}
        isLoading={loading}
      />
      {answer && <ListPager meta={answer.meta} shown={records.length} />}
    </Box>
  );
};

export default ListPage;
