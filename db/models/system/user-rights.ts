import type { InferAttributes, InstanceUpdateOptions, UpdateOptions } from 'sequelize';
import { SupervisorUser } from './supervisor-user.model.js';

/** Passed to `update` when a change keeps the user's rights (a password re-hashed at new settings at login). */
export type SameRights = InstanceUpdateOptions<InferAttributes<SupervisorUser>> & { sameRights?: boolean };

/** What a session was granted at login: a change to any of these ends the user's sessions. */
const RIGHTS_FIELDS = ['username', 'role', 'regionCode', 'active', 'passwordHash'] as const;

function rightsChanged(user: SupervisorUser): boolean {
  return RIGHTS_FIELDS.some((field) => String(user.get(field)) !== String(user.previous(field)));
}

/**
 * Moves a user's rights version on whenever their role, region, active flag or password changes, however the change
 * is written (a form, a script, a bulk update), and ends their open sessions in the same transaction. Every request
 * compares the version its session was signed in under (http/current-rights.ts), so a session left anywhere
 * is refused at once.
 */
export function trackUserRights(): void {
  SupervisorUser.addHook('beforeBulkUpdate', (options: UpdateOptions) => {
    options.individualHooks = true;
  });
  SupervisorUser.addHook('beforeUpdate', (user: SupervisorUser, options: SameRights) => {
    if (!options.sameRights && rightsChanged(user)) user.rightsVersion = (user.previous('rightsVersion') ?? user.rightsVersion ?? 1) + 1;
  });
  SupervisorUser.addHook('afterUpdate', async (user: SupervisorUser, options: { transaction?: UpdateOptions['transaction'] }) => {
    if (user.rightsVersion === user.previous('rightsVersion')) return;
    await SupervisorUser.sequelize!.query('DELETE FROM "Sessions" WHERE user_id = $1', {
      bind: [user.id],
      ...(options.transaction && { transaction: options.transaction }),
    });
  });
}
