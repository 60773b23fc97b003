-- Covering indexes for the dashboards' per-contract reads of service days (INCLUDE cannot be
-- declared in db/schema: the schema declares the same names and keys, this file adds the
-- INCLUDE lists). With the columns those reads use in the index, a contract's days of a date
-- range come from an index-only scan (a few index pages) instead of one heap page per day,
-- as long as the visibility map is current (autovacuum, see the next migration).
-- The caterer's production plan, costs and unserved meals: status, quantities, the deadline
-- and who confirmed (the auto-lock flag); the weekday for the served history behind a day's
-- suggested quantity (the service-day list). Still the unique (contract_id, service_date) key.
DROP INDEX "service_days_contract_date_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "service_days_contract_date_unique" ON "service_days" USING btree ("contract_id","service_date")
  INCLUDE ("status","expected_quantity","served_quantity","confirmation_deadline","expected_quantity_confirmed_at","expected_quantity_confirmer_id","day_of_week");--> statement-breakpoint
-- "Awaiting served count": the listed days' id and quantities.
DROP INDEX "service_days_unserved_contract_date_idx";--> statement-breakpoint
CREATE INDEX "service_days_unserved_contract_date_idx" ON "service_days" USING btree ("contract_id","service_date")
  INCLUDE ("id","expected_quantity","served_quantity") WHERE "service_days"."status" in ('PENDING', 'EXPECTED_CONFIRMED');
--> statement-breakpoint
-- The price period of each day (costs, unserved meals): its end and price, also index-only.
DROP INDEX "contract_prices_contract_from_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "contract_prices_contract_from_unique" ON "contract_prices" USING btree ("contract_id","valid_from")
  INCLUDE ("valid_to","price_per_meal_cents");
