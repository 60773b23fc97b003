CREATE TYPE "public"."notice_mode" AS ENUM('HOURS', 'BUSINESS_DAYS');--> statement-breakpoint
ALTER TYPE "public"."service_day_status" ADD VALUE 'CANCELLED';--> statement-breakpoint
CREATE TABLE "closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"contract_id" uuid,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"reason" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "closures_dates_ordered" CHECK ("closures"."end_date" >= "closures"."start_date")
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "holiday_country" varchar(10);--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "notice_mode" "notice_mode" DEFAULT 'HOURS' NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "notice_business_days" smallint DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "cutoff_time" time DEFAULT '14:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "service_days" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_days" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "closures_company_dates_idx" ON "closures" USING btree ("company_id","start_date") WHERE "closures"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "closures_contract_id_idx" ON "closures" USING btree ("contract_id");--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_notice_business_days_range" CHECK ("contracts"."notice_business_days" between 1 and 10);--> statement-breakpoint
CREATE TRIGGER closures_set_updated_at BEFORE UPDATE ON closures FOR EACH ROW EXECUTE FUNCTION set_updated_at();
