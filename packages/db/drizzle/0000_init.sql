CREATE TABLE "audit_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" integer NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_kind" text NOT NULL,
	"entity_id" text NOT NULL,
	"version" integer NOT NULL,
	"changes" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text,
	"publication_state" text DEFAULT 'draft' NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb NOT NULL,
	"private" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text,
	"publication_state" text DEFAULT 'draft' NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb NOT NULL,
	"private" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mass_events" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text,
	"publication_state" text DEFAULT 'draft' NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb NOT NULL,
	"private" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officials" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text,
	"publication_state" text DEFAULT 'draft' NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb NOT NULL,
	"private" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text,
	"publication_state" text DEFAULT 'draft' NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb NOT NULL,
	"private" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_facets" (
	"person_id" text NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "person_facets_kind_value_person_id_pk" PRIMARY KEY("kind","value","person_id")
);
--> statement-breakpoint
CREATE TABLE "person_index" (
	"person_id" text PRIMARY KEY NOT NULL,
	"sort_name" text NOT NULL,
	"search_text" text NOT NULL,
	"gender" text NOT NULL,
	"region" text,
	"first_day" text,
	"has_pace" boolean NOT NULL,
	"killed" boolean NOT NULL,
	"defender" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_links" (
	"kind" text NOT NULL,
	"entity_id" text NOT NULL,
	"person_id" text NOT NULL,
	CONSTRAINT "person_links_kind_entity_id_person_id_pk" PRIMARY KEY("kind","entity_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "person_name_keys" (
	"person_id" text NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "person_name_keys_person_id_key_pk" PRIMARY KEY("person_id","key")
);
--> statement-breakpoint
CREATE TABLE "person_status" (
	"person_id" text NOT NULL,
	"seq" integer NOT NULL,
	"status" text NOT NULL,
	"since" text NOT NULL,
	"from_day" text NOT NULL,
	"to_day" text,
	CONSTRAINT "person_status_person_id_seq_pk" PRIMARY KEY("person_id","seq")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text,
	"publication_state" text DEFAULT 'draft' NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb NOT NULL,
	"private" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognitions" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text,
	"publication_state" text DEFAULT 'draft' NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb NOT NULL,
	"private" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"second_factor" boolean DEFAULT false NOT NULL,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text,
	"publication_state" text DEFAULT 'draft' NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb NOT NULL,
	"private" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"totp_secret" text,
	"totp_last_step" integer,
	"recovery_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity_kind","entity_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_slug_idx" ON "cases" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "cases_state_idx" ON "cases" USING btree ("publication_state","deleted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "events_slug_idx" ON "events" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "events_state_idx" ON "events" USING btree ("publication_state","deleted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mass_events_slug_idx" ON "mass_events" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "mass_events_state_idx" ON "mass_events" USING btree ("publication_state","deleted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "officials_slug_idx" ON "officials" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "officials_state_idx" ON "officials" USING btree ("publication_state","deleted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_slug_idx" ON "organisations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "organisations_state_idx" ON "organisations" USING btree ("publication_state","deleted_at");--> statement-breakpoint
CREATE INDEX "person_facets_person_idx" ON "person_facets" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_index_sort_idx" ON "person_index" USING btree ("sort_name","person_id");--> statement-breakpoint
CREATE INDEX "person_index_region_idx" ON "person_index" USING btree ("region");--> statement-breakpoint
CREATE INDEX "person_links_person_idx" ON "person_links" USING btree ("person_id","kind");--> statement-breakpoint
CREATE INDEX "person_name_keys_key_idx" ON "person_name_keys" USING btree ("key");--> statement-breakpoint
CREATE INDEX "person_status_lookup_idx" ON "person_status" USING btree ("status","from_day");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_slug_idx" ON "persons" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "persons_state_idx" ON "persons" USING btree ("publication_state","deleted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "recognitions_slug_idx" ON "recognitions" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "recognitions_state_idx" ON "recognitions" USING btree ("publication_state","deleted_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_slug_idx" ON "sources" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "sources_state_idx" ON "sources" USING btree ("publication_state","deleted_at");