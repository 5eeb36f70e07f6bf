CREATE TABLE "name_tokens" (
	"token" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_index" ADD COLUMN "articles" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "name_tokens_trgm_idx" ON "name_tokens" USING gin ("token" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_index_words_idx" ON "person_index" USING gin (string_to_array("search_text", ' '));--> statement-breakpoint
UPDATE "person_index" i SET "articles" = a.list FROM (
  SELECT person_id, string_agg(value, ',' ORDER BY value COLLATE "C") AS list FROM "person_facets" WHERE kind = 'article' GROUP BY person_id
) a WHERE a.person_id = i.person_id;
--> statement-breakpoint
INSERT INTO "name_tokens" ("token")
  SELECT DISTINCT w FROM "person_index" i, unnest(string_to_array(i.search_text, ' ')) AS w WHERE w <> '';
--> statement-breakpoint
ANALYZE "person_index";
--> statement-breakpoint
ANALYZE "name_tokens";
