ALTER TABLE "service_days" ADD COLUMN "served_correction_note" text;--> statement-breakpoint
ALTER TABLE "service_days" ADD COLUMN "served_corrected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_days" ADD COLUMN "served_corrected_by_id" uuid;--> statement-breakpoint
ALTER TABLE "service_days" ADD CONSTRAINT "service_days_served_corrected_by_id_users_id_fk" FOREIGN KEY ("served_corrected_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;