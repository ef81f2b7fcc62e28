import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AdminJSExpress from '@adminjs/express';
import express, { type Request, type Response } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import type { Registry } from 'prom-client';
import type { Sequelize } from 'sequelize';
import type { JobQueue } from '../queue/job-types.js';
import { normaliseUsername } from '../domain/user-rules.js';
import { RESOURCE_DEFINITIONS } from '../resources/index.js';
import { buildAdmin } from '../panel/admin.js';
import { ensureComponentBundle, mountComponentBundle } from '../panel/component-bundle.js';
import { mountProductionBundles } from '../panel/production-bundles.js';
import { adminResponseFilter } from '../panel/admin-response-filter.js';
import { authenticate, LoginThrottledError } from './auth.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { errorHandler, notFound } from './error-handler.js';
import type { Env } from '../settings/env.js';
import { logger } from '../settings/logger.js';
import { integrationApi, INTEGRATION_API_PATH } from './integration/integration-api.js';
import { mountAttachmentDownload } from './attachment-download.js';
import { mountExportRoutes } from './export-routes.js';
import { dashboardSource } from '../panel/dashboard/dashboard-data.js';
import { mountQueueBoard } from './queue-board.js';
import { loadResourceConfig } from '../panel/resource-config.js';
import { unindexedTextFilters } from '../panel/text-filter-indexes.js';
import { trigramSearchWarning } from '../db/trigram-search.js';
import { SessionStore } from './session-store.js';
import { enforceSessionLimits } from './session-limits.js';
import { mountSessionStatus } from './session-status.js';
import { SESSION_ENDED_COOKIE, sessionLimits } from '../domain/session-limits.js';
import { endOtherSessions } from '../services/sessions.js';
import { currentRights } from './current-rights.js';
import { noStore } from './no-store.js';
import { panelBody } from './panel-body.js';
import { renewSession } from './renew-session.js';
import { requestLog } from './request-log.js';
import { sameOriginOnly } from './same-origin-only.js';
import { primaryRequests, readYourWrites } from './read-your-writes.js';
import { metricsEndpoint } from './metrics-endpoint.js';
import { webMetrics } from './web-metrics.js';
import { rememberDevice, trustedDeviceOf } from './trusted-device.js';
import { accountPolicyOf, useAccountPolicy } from '../settings/account-policy.js';
import { passwordChangeGate } from './password-change-gate.js';
import { mountPasswordPage } from './password-page.js';
import { withClientAddress } from '../services/client-address.js';
import { mountLogoutAudit } from './logout-audit.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SESSION_COOKIE = 'jxcg.sid';

export interface AppDeps {
  env: Env;
  sequelize: Sequelize;
  queue: JobQueue;
  /** The process's metrics (its databases and queue observed by whoever started it); /metrics serves them. */
  metrics: Registry;
}

export interface App {
  app: express.Express;
  close: () => Promise<void>;
}

export async function createApp({ env, sequelize, queue, metrics }: AppDeps): Promise<App> {
  const config = loadResourceConfig(RESOURCE_DEFINITIONS);
  // Text search on PostgreSQL: a database that cannot index Chinese is told on /readyz, a filter without its index in
  // the log (an administrator's edit of config/resources.yaml).
  const searchWarning = await trigramSearchWarning(sequelize);
  if (searchWarning) logger.warn(searchWarning);
  const unindexed = sequelize.getDialect() === 'postgres' ? unindexedTextFilters(RESOURCE_DEFINITIONS, config) : [];
  if (unindexed.length)
    logger.warn({ filters: unindexed }, 'text filters of large tables without a trigram index: each search reads the whole table');
  const admin = buildAdmin(config, dashboardSource(queue), { exactCountLimit: env.LIST_EXACT_COUNT_LIMIT });
  // Bundled before serving in every mode, so no page depends on a watcher or on anything outside this server.
  await ensureComponentBundle(admin);

  // The panel's forms and actions check passwords and read the login limits with this web's own environment.
  const accountPolicy = accountPolicyOf(env);
  useAccountPolicy(accountPolicy);

  const limits = sessionLimits(env.SESSION_IDLE_MINUTES, env.SESSION_MAX_HOURS);
  const store = new SessionStore(sequelize, limits);
  const sessionOptions: session.SessionOptions = {
    store,
    name: SESSION_COOKIE,
    secret: env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    // No lifetime of its own: it goes when the browser closes, and until then the server decides when the session
    // ends (idle and absolute limits) and can tell the user why.
    cookie: { httpOnly: true, sameSite: 'lax', secure: env.COOKIE_SECURE },
  };
  const sessionLimitsEnforced = enforceSessionLimits(store, limits, { secure: env.COOKIE_SECURE });

  const app = express();
  app.set('trust proxy', env.TRUST_PROXY);
  app.disable('x-powered-by');
  // Every audit row written while a request is handled records the address the login limit also counts.
  app.use((req, _res, next) => withClientAddress(req.ip ?? 'unknown', next));
  app.use(requestLog());
  const measured = webMetrics(metrics);
  app.use(measured.requests);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          // AdminJS boots from inline scripts and its bundle evaluates code.
          'script-src': ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'frame-ancestors': ["'none'"],
          'form-action': ["'self'"],
          'base-uri': ["'self'"],
          'object-src': ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      // Chromium sends `Origin: null` on a form post from a page served with `no-referrer` (helmet's default), which the
      // same-origin check must refuse; `same-origin` still gives no referrer to any other site.
      referrerPolicy: { policy: 'same-origin' },
      hsts: env.COOKIE_SECURE,
    }),
  );
  app.use(sameOriginOnly({ publicOrigins: env.PUBLIC_ORIGIN, exempt: [INTEGRATION_API_PATH] }));
  app.use(['/admin', '/api', '/readyz', '/metrics'], noStore);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    // Both checks at once, each bounded, so the answer comes within a second whatever is away (the bound's timer does
    // not keep a stopping process alive).
    const [database, health] = await Promise.all([
      Promise.race([sequelize.authenticate(), new Promise((_, reject) => setTimeout(() => reject(new Error('超时')), 900).unref())]).then(
        () => ({ ok: true, detail: '数据库正常' }),
        (error: unknown) => {
          logger.warn({ err: error }, 'readiness: database check failed');
          return { ok: false, detail: '数据库不可用' };
        },
      ),
      queue.health(),
    ]);
    const checks: Record<string, { ok: boolean; detail: string }> = { database, queue: { ok: health.ok, detail: health.detail } };
    const ok = Object.values(checks).every((c) => c.ok);
    const warning = [health.warning, searchWarning].filter(Boolean).join(' ');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'unavailable', checks, ...(warning && { warning }) });
  });
  app.use(
    INTEGRATION_API_PATH,
    primaryRequests,
    integrationApi({
      sequelize,
      queue,
      apps: new Map([[env.INTEGRATION_APP_KEY, { secret: env.INTEGRATION_APP_SECRET, methods: env.INTEGRATION_APP_SIGNATURE_METHODS }]]),
    }),
  );
  app.use('/static', express.static(path.join(here, '../panel/public'), { maxAge: '1h' }));

  const sessionMiddleware = session(sessionOptions);
  app.use(
    '/admin',
    sessionMiddleware,
    sessionLimitsEnforced,
    currentRights,
    passwordChangeGate,
    readYourWrites(env.READ_YOUR_WRITES_MS),
    adminResponseFilter,
  );
  app.get(
    '/metrics',
    sessionMiddleware,
    sessionLimitsEnforced,
    currentRights,
    passwordChangeGate,
    metricsEndpoint(metrics, env.METRICS_TOKEN),
  );
  mountPasswordPage(app, accountPolicy.password, store);
  mountSessionStatus(app, store, limits);
  await mountQueueBoard(app, queue);
  mountAttachmentDownload(app);
  mountExportRoutes(app);
  mountLogoutAudit(app, admin.options.logoutPath);

  const router = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    {
      authenticate: async (email: string, password: string, context?: { req: Request; res: Response }) => {
        const { req, res } = context!;
        try {
          const username = normaliseUsername(String(email ?? ''));
          const user = await authenticate(
            email,
            password,
            { ip: req.ip ?? 'unknown', deviceId: trustedDeviceOf(req, username, env.SESSION_SECRET) },
            accountPolicy,
          );
          if (!user) {
            measured.loginFailed('credentials');
            return null;
          }
          // A session id planted before login must not become the signed-in session.
          await renewSession(req);
          store.admitLogin(req, req.ip ?? 'unknown');
          if (env.SINGLE_SESSION_PER_USER) await endOtherSessions(user, req.sessionID);
          res.clearCookie(SESSION_ENDED_COOKIE, { path: '/admin/login' });
          rememberDevice(req, res, user.username, env.SESSION_SECRET, env.COOKIE_SECURE);
          return user;
        } catch (error) {
          if (error instanceof LoginThrottledError) {
            measured.loginFailed('throttled');
            throw error;
          }
          if (isDatabaseUnavailable(error)) throw new Error('databaseUnavailable');
          logger.error({ err: error }, 'login error');
          throw new Error('invalidCredentials');
        }
      },
      cookieName: SESSION_COOKIE,
      cookiePassword: env.SESSION_SECRET,
    },
    null,
    sessionOptions,
  );
  mountComponentBundle(app, admin.options.rootPath);
  mountProductionBundles(app, admin.options.rootPath);
  app.use(admin.options.rootPath, panelBody({ loginPath: admin.options.loginPath }), router);
  app.get('/', (_req, res) => res.redirect('/admin'));
  app.use(notFound);
  app.use(errorHandler);

  return {
    app,
    close: async () => {
      store.close();
    },
  };
}
