-- "The newest items naming X" (related content) as an index range instead of a scan over every
-- item that names a broad theme: the source's first publication date on each reference.
ALTER TABLE "ContentReferences" ADD "SourcePublishedUtc" timestamp with time zone;
UPDATE "ContentReferences" r SET "SourcePublishedUtc" = i."PublishedUtc" FROM "ContentItems" i WHERE i."Key" = r."SourceKey";
DROP INDEX "IX_ContentReferences_TargetKey_Kind";
CREATE INDEX "IX_ContentReferences_TargetKey_Kind_SourcePublishedUtc" ON "ContentReferences" ("TargetKey", "Kind", "SourcePublishedUtc");
