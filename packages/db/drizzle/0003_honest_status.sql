ALTER TABLE "person_index" ADD COLUMN "pace_day" text;--> statement-breakpoint
ALTER TABLE "person_status" ADD COLUMN "last_reported" text NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE "person_status" ALTER COLUMN "last_reported" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "person_status" ADD COLUMN "unconfirmed_after" text;--> statement-breakpoint
ALTER TABLE "person_status" ADD COLUMN "since_bound" text;--> statement-breakpoint
-- Statuses follow new rules (ADR 010): the derived rows are rebuilt from the records when the database opens.
DELETE FROM "person_status";--> statement-breakpoint
DELETE FROM "person_index";
