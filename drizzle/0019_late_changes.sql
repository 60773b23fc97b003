ALTER TABLE "contracts" ADD COLUMN "late_reduction_charge_percent" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "service_days" ADD COLUMN "change_requested_quantity" integer;--> statement-breakpoint
ALTER TABLE "service_days" ADD COLUMN "change_requested_diets" jsonb;--> statement-breakpoint
ALTER TABLE "service_days" ADD COLUMN "change_reason" text;--> statement-breakpoint
ALTER TABLE "service_days" ADD COLUMN "change_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_days" ADD COLUMN "change_requested_by_id" uuid;--> statement-breakpoint
ALTER TABLE "service_days" ADD COLUMN "change_previous_quantity" integer;--> statement-breakpoint
ALTER TABLE "service_days" ADD COLUMN "change_outcome" varchar(16);--> statement-breakpoint
ALTER TABLE "service_days" ADD COLUMN "change_answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_days" ADD COLUMN "change_answered_by_id" uuid;--> statement-breakpoint
ALTER TABLE "service_days" ADD COLUMN "change_answer_note" text;--> statement-breakpoint
ALTER TABLE "service_days" ADD COLUMN "late_removed_meals" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "service_days" ADD CONSTRAINT "service_days_change_requested_by_id_users_id_fk" FOREIGN KEY ("change_requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_days" ADD CONSTRAINT "service_days_change_answered_by_id_users_id_fk" FOREIGN KEY ("change_answered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_days_open_change_idx" ON "service_days" USING btree ("contract_id","service_date") WHERE "service_days"."change_requested_at" is not null and "service_days"."change_outcome" is null;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_late_reduction_charge_range" CHECK ("contracts"."late_reduction_charge_percent" between 0 and 100);--> statement-breakpoint
ALTER TABLE "service_days" ADD CONSTRAINT "service_days_change_outcome" CHECK ("service_days"."change_outcome" in ('ACCEPTED', 'DECLINED', 'CLOSED'));