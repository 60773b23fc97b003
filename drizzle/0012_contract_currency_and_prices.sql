CREATE TABLE "contract_prices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"price_per_meal_cents" integer NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_prices_dates_ordered" CHECK ("contract_prices"."valid_to" is null or "contract_prices"."valid_to" >= "contract_prices"."valid_from"),
	CONSTRAINT "contract_prices_price_non_negative" CHECK ("contract_prices"."price_per_meal_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "currency" char(3);--> statement-breakpoint
ALTER TABLE "contract_prices" ADD CONSTRAINT "contract_prices_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_prices" ADD CONSTRAINT "contract_prices_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_prices_contract_from_unique" ON "contract_prices" USING btree ("contract_id","valid_from");