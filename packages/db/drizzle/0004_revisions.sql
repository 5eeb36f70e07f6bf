CREATE TABLE "revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity_kind" text NOT NULL,
	"entity_id" text NOT NULL,
	"base_version" integer NOT NULL,
	"action" text NOT NULL,
	"data" jsonb NOT NULL,
	"private" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"author" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "revisions_state_idx" ON "revisions" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "revisions_entity_idx" ON "revisions" USING btree ("entity_kind","entity_id");--> statement-breakpoint
CREATE INDEX "revisions_author_idx" ON "revisions" USING btree ("author","state");