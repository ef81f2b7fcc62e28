import React, { useEffect, type ComponentType } from 'react';
import { useDispatch, useSelector } from 'react-redux';

type Notice = { id: string; type?: string };

/**
 * AdminJS keeps each notice for a few seconds whatever comes after it, so a refusal could still stand beside the
 * success of the corrected form. A success settles what was said before it: the older notices go when it comes.
 */
const NoticeBox: React.FC<{ OriginalComponent?: ComponentType }> = ({ OriginalComponent }) => {
  const notices = useSelector((state: { notices: Notice[] }) => state.notices);
  const dispatch = useDispatch();
  const lastSuccess = notices.map((n) => n.type).lastIndexOf('success');
  useEffect(() => {
    // AdminJS's own action (store/actions/drop-notice.js), dispatched by name: the bundle cannot import it.
    for (const stale of notices.slice(0, Math.max(lastSuccess, 0))) dispatch({ type: 'DROP_NOTICE', data: { noticeId: stale.id } });
  }, [lastSuccess, notices]);
  return OriginalComponent ? <OriginalComponent /> : null;
};

export default NoticeBox;
