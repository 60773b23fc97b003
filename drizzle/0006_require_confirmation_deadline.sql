DROP INDEX "service_days_pending_date_idx";--> statement-breakpoint
ALTER TABLE "service_days" ALTER COLUMN "confirmation_deadline" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "service_days_pending_deadline_idx" ON "service_days" USING btree ("confirmation_deadline") WHERE "service_days"."status" = 'PENDING';