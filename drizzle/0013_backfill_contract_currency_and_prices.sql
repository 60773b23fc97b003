-- Existing contracts take their caterer's current currency (from now on a contract's currency
-- is fixed at creation, so changing the company's currency no longer relabels them), and
-- their one price so far becomes their first price period, from the start date, open-ended.
UPDATE "contracts" AS c SET "currency" = co."currency"
FROM "companies" AS co
WHERE co."id" = c."catering_id" AND c."currency" IS NULL;
--> statement-breakpoint
INSERT INTO "contract_prices" ("contract_id", "valid_from", "valid_to", "price_per_meal_cents")
SELECT c."id", c."start_date", NULL, c."price_per_meal_cents"
FROM "contracts" AS c
WHERE NOT EXISTS (SELECT 1 FROM "contract_prices" AS p WHERE p."contract_id" = c."id");
