-- A person's `consent` is private (issue 15): move it from the public `data` column into `private`.
UPDATE "persons"
SET "private" = jsonb_set("private", '{consent}', "data"->'consent'),
    "data" = "data" - 'consent'
WHERE "data" ? 'consent';
