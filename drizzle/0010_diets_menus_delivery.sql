CREATE TYPE "public"."diet" AS ENUM('VEGETARIAN', 'VEGAN', 'GLUTEN_FREE', 'LACTOSE_FREE', 'HALAL', 'KOSHER', 'NUT_FREE');--> statement-breakpoint
CREATE TABLE "menus" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"dishes" jsonb NOT NULL,
	"updated_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "client_profiles" ADD COLUMN "delivery_address" text;--> statement-breakpoint
ALTER TABLE "client_profiles" ADD COLUMN "delivery_instructions" text;--> statement-breakpoint
ALTER TABLE "client_profiles" ADD COLUMN "site_contact_name" varchar(255);--> statement-breakpoint
ALTER TABLE "client_profiles" ADD COLUMN "site_contact_phone" varchar(50);--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "diet_options" "diet"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "default_diets" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "service_days" ADD COLUMN "diets" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "menus" ADD CONSTRAINT "menus_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "menus" ADD CONSTRAINT "menus_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "menus_contract_date_unique" ON "menus" USING btree ("contract_id","service_date");