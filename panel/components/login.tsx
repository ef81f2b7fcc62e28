import React, { useEffect, useState } from 'react';
import { useTranslation } from 'adminjs';
import { parseSessionEnded, SESSION_ENDED_COOKIE } from '../../domain/session-limits.js';
import { Box, Button, FormGroup, H2, H5, Input, Label, MessageBox, Text } from '@adminjs/design-system';

type LoginState = { action: string; errorMessage?: string };

/** Why the user is here again, if their session ended by its time limit (set by the server, http/session-limits.ts). */
function sessionEnded(): ReturnType<typeof parseSessionEnded> {
  const cookie = document.cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${SESSION_ENDED_COOKIE}=`));
  return parseSessionEnded(cookie ? decodeURIComponent(cookie.slice(SESSION_ENDED_COOKIE.length + 1)) : undefined);
}

/**
 * AdminJS's login form as it is (the field AdminJS calls `email` holds the username), with the product's emblem on
 * the welcome side instead of the framework's planet, astronaut and cog, and, after a session ended by its time
 * limit, why the user has to sign in again (said once: the cookie that tells it is cleared).
 */
const Login: React.FC = () => {
  const { action, errorMessage: message } = (window as unknown as { __APP_STATE__: LoginState }).__APP_STATE__;
  const { translateComponent, translateMessage } = useTranslation();
  const [ended] = useState(sessionEnded);
  useEffect(() => {
    document.cookie = `${SESSION_ENDED_COOKIE}=; path=/admin/login; max-age=0; samesite=lax`;
  }, []);
  return (
    <Box
      flex
      variant="grey"
      className="login__Wrapper"
      style={{ alignItems: 'center', justifyContent: 'center', flexDirection: 'column', height: '100%' }}
    >
      <Box bg="white" height="440px" flex boxShadow="login" width={[1, 2 / 3, 'auto']}>
        <Box bg="primary100" color="white" p="x3" width="380px" flexGrow={0} display={['none', 'none', 'block']} position="relative">
          <H2 fontWeight="lighter">{translateComponent('Login.welcomeHeader')}</H2>
          <Text fontWeight="lighter" mt="default">
            {translateComponent('Login.welcomeMessage')}
          </Text>
          <Box mt="xxl" style={{ textAlign: 'center' }}>
            <img src="/static/emblem.svg" alt="" width={96} height={96} data-testid="login-emblem" />
          </Box>
        </Box>
        <Box as="form" action={action} method="POST" p="x3" flexGrow={1} width={['100%', '100%', '480px']}>
          <H5 marginBottom="xxl">
            {/* panel/admin.ts branding.logo; read here without the store, which the login page does not need otherwise. */}
            <img src="/static/logo.svg" alt={translateComponent('Login.welcomeHeader')} style={{ maxWidth: 200 }} />
          </H5>
          {ended && !message && (
            <MessageBox
              my="lg"
              variant="info"
              data-testid="session-ended"
              message={
                ended.ending === 'idle'
                  ? translateMessage('sessionEndedIdle')
                  : translateMessage('sessionEndedAbsolute', undefined, { hours: ended.hours ?? '' })
              }
            />
          )}
          {message && <MessageBox my="lg" message={message.split(' ').length > 1 ? message : translateMessage(message)} variant="danger" />}
          <FormGroup>
            <Label required>{translateComponent('Login.properties.email')}</Label>
            <Input name="email" placeholder={translateComponent('Login.properties.email')} />
          </FormGroup>
          <FormGroup>
            <Label required>{translateComponent('Login.properties.password')}</Label>
            <Input
              type="password"
              name="password"
              placeholder={translateComponent('Login.properties.password')}
              autoComplete="new-password"
            />
          </FormGroup>
          <Text mt="xl" textAlign="center">
            <Button variant="contained">{translateComponent('Login.loginButton')}</Button>
          </Text>
        </Box>
      </Box>
    </Box>
  );
};

export default Login;
