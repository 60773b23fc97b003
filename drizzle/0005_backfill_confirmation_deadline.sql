-- Frozen history: a one-time copy of the deadline rule of server/domain/deadline.ts, applied to
-- the days that existed before deadlines were stored. Nothing reads or re-derives a deadline in
-- SQL after this migration; new and changed deadlines come from that TypeScript module only.
-- Deadline = (service date at the delivery time on the client's wall clock) − notice hours of
-- real time. PostgreSQL reads an ambiguous wall time (DST fall-back) as the later instant; the
-- rule takes the earlier one, hence the step back of an hour when that reads the same wall time.
UPDATE "service_days" AS sd
SET "confirmation_deadline" = x.deadline
FROM (
  SELECT d.id,
    (CASE WHEN ((d.delivery - interval '1 hour') AT TIME ZONE d.zone) = d.wall
      THEN d.delivery - interval '1 hour' ELSE d.delivery END) - make_interval(hours => d.notice_hours) AS deadline
  FROM (
    SELECT s."id", s."service_date" + c."delivery_time" AS wall,
      (s."service_date" + c."delivery_time") AT TIME ZONE cl."timezone" AS delivery,
      cl."timezone" AS zone, c."notice_hours" AS notice_hours
    FROM "service_days" AS s
    JOIN "contracts" AS c ON c."id" = s."contract_id"
    JOIN "companies" AS cl ON cl."id" = c."client_id"
  ) AS d
) AS x
WHERE x.id = sd."id";
