CREATE TABLE "submissions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"person_slug" text,
	"text" text NOT NULL,
	"source" text,
	"contact" text,
	"language" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"triage_note" text,
	"triaged_by" text,
	"triaged_at" timestamp with time zone,
	"record_id" text
);
--> statement-breakpoint
CREATE INDEX "submissions_status_idx" ON "submissions" USING btree ("status","created_at");