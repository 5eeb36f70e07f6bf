ALTER TABLE "submissions" ADD COLUMN "form_nonce" text;--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_form_nonce_idx" ON "submissions" USING btree ("form_nonce");