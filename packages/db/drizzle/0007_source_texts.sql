CREATE TABLE "source_texts" (
	"source_id" text PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"sha256" text NOT NULL,
	"line_count" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
