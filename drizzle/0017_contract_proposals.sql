ALTER TYPE "public"."contract_status" ADD VALUE 'PROPOSED' BEFORE 'ACTIVE';--> statement-breakpoint
ALTER TYPE "public"."contract_status" ADD VALUE 'DECLINED';--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "accepted_by_id" uuid;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "declined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "declined_by_id" uuid;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_accepted_by_id_users_id_fk" FOREIGN KEY ("accepted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_declined_by_id_users_id_fk" FOREIGN KEY ("declined_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;