CREATE TYPE "public"."statement_status" AS ENUM('DRAFT', 'ISSUED', 'PAID');--> statement-breakpoint
CREATE TABLE "statement_counters" (
	"catering_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "statement_counters_catering_id_year_pk" PRIMARY KEY("catering_id","year")
);
--> statement-breakpoint
CREATE TABLE "statement_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"service_day_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"price_per_meal_cents" integer NOT NULL,
	"net_cents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catering_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"month" char(7) NOT NULL,
	"status" "statement_status" DEFAULT 'DRAFT' NOT NULL,
	"number" text,
	"content" jsonb,
	"issued_at" timestamp with time zone,
	"issued_by_id" uuid,
	"paid_on" date,
	"paid_by_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statements_issued_has_number" CHECK ("statements"."status" = 'DRAFT' or ("statements"."number" is not null and "statements"."content" is not null))
);
--> statement-breakpoint
ALTER TABLE "catering_profiles" ADD COLUMN "vat_rate_basis_points" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "catering_profiles" ADD COLUMN "statement_prefix" varchar(10) DEFAULT 'ST' NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "po_number" varchar(100);--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "cost_center" varchar(100);--> statement-breakpoint
ALTER TABLE "statement_counters" ADD CONSTRAINT "statement_counters_catering_id_companies_id_fk" FOREIGN KEY ("catering_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_items" ADD CONSTRAINT "statement_items_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_items" ADD CONSTRAINT "statement_items_service_day_id_service_days_id_fk" FOREIGN KEY ("service_day_id") REFERENCES "public"."service_days"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_items" ADD CONSTRAINT "statement_items_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_catering_id_companies_id_fk" FOREIGN KEY ("catering_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_client_id_companies_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_paid_by_id_users_id_fk" FOREIGN KEY ("paid_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "statement_items_statement_day_unique" ON "statement_items" USING btree ("statement_id","service_day_id");--> statement-breakpoint
CREATE INDEX "statement_items_service_day_idx" ON "statement_items" USING btree ("service_day_id");--> statement-breakpoint
CREATE UNIQUE INDEX "statements_client_month_unique" ON "statements" USING btree ("catering_id","client_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "statements_number_unique" ON "statements" USING btree ("catering_id","number");--> statement-breakpoint
CREATE INDEX "statements_client_id_idx" ON "statements" USING btree ("client_id");--> statement-breakpoint
ALTER TABLE "catering_profiles" ADD CONSTRAINT "catering_profiles_vat_rate_range" CHECK ("catering_profiles"."vat_rate_basis_points" between 0 and 10000);