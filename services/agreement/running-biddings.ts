import { Op, type WhereOptions } from 'sequelize';

/** The SQL form of a bidding still running at `now` (see effectiveBiddingStatus): its stored state and its end time. */
export function runningBiddingWhere(now: Date): WhereOptions {
  return { status: { [Op.in]: ['bidding', 'quoting'] }, endAt: { [Op.gt]: now } };
}
