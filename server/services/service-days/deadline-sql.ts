import { sql, type SQL } from 'drizzle-orm';

/**
 * The confirmation deadline in SQL, the same instant as the pure `computeConfirmationDeadline`:
 * (service date at the delivery time on the client's wall clock) − notice hours of real time.
 * PostgreSQL reads an ambiguous wall time (DST fall-back) as standard time, the later instant;
 * the domain rule takes the earlier one, so step back an hour when that reads the same wall time.
 * A nonexistent wall time (spring-forward gap) already moves forward by the gap, as luxon does.
 * Arguments are SQL expressions (usually column references of the calling query).
 */
export function deadlineSql(columns: { serviceDate: SQL; deliveryTime: SQL; timeZone: SQL; noticeHours: SQL }): SQL {
  const { serviceDate, deliveryTime, timeZone, noticeHours } = columns;
  const wall = sql`(${serviceDate} + ${deliveryTime})`;
  const delivery = sql`(${wall} at time zone ${timeZone})`;
  const earlier = sql`(${delivery} - interval '1 hour')`;
  return sql`((case when (${earlier} at time zone ${timeZone}) = ${wall} then ${earlier} else ${delivery} end) - make_interval(hours => ${noticeHours}))`;
}

/** The standard column references used by the service-day sweeps (aliases sd, c, cl). */
export const sweepDeadline = deadlineSql({
  serviceDate: sql.raw('sd.service_date'),
  deliveryTime: sql.raw('c.delivery_time'),
  timeZone: sql.raw('cl.timezone'),
  noticeHours: sql.raw('c.notice_hours'),
});
