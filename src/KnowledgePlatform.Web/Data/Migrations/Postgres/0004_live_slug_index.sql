-- Page lookups by slug across types (events and workshops share /agenda) use this index.
CREATE INDEX "IX_ContentItems_LiveSlug" ON "ContentItems" ("LiveSlug");
