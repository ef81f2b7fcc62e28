import React from 'react';
import { Box, CurrentUserNav, type CurrentUserNavProps } from '@adminjs/design-system';
import { useTranslation, type CurrentAdmin } from 'adminjs';
import SessionWatch from './session-watch.js';

type Props = { session: CurrentAdmin & { displayName?: string; regionName?: string }; paths: { logoutPath: string } };

/**
 * The top bar names the signed-in office as every page names people (南昌县采购办, 南昌县), not by its login name;
 * AdminJS would show `email`, which holds the username. Its menu offers 修改密码 and 退出登录. It is on every signed-in
 * page, so it also keeps the watch over the session's time limits (the warning before the idle end).
 */
const LoggedIn: React.FC<Props> = ({ session, paths }) => {
  const { translateButton, translateLabel } = useTranslation();
  const dropActions: CurrentUserNavProps['dropActions'] = [
    {
      // A page of its own (http/password-page.ts), outside the panel's router: a plain link.
      label: translateLabel('changePassword'),
      href: '/admin/password',
      icon: 'Key',
    },
    {
      label: translateButton('logout'),
      onClick: (event: Event): void => {
        event.preventDefault();
        window.location.href = paths.logoutPath;
      },
      icon: 'LogOut',
    },
  ];
  return (
    <Box flexShrink={0} data-css="logged-in">
      <CurrentUserNav
        name={session.displayName ?? session.email ?? ''}
        title={session.regionName}
        avatarUrl={session.avatarUrl}
        dropActions={dropActions}
      />
      <SessionWatch logoutPath={paths.logoutPath} />
    </Box>
  );
};

export default LoggedIn;
