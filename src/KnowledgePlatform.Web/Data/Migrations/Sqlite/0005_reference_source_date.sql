-- "The newest items naming X" (related content) as an index range instead of a scan over every
-- item that names a broad theme: the source's first publication date on each reference.
ALTER TABLE "ContentReferences" ADD COLUMN "SourcePublishedUtc" TEXT NULL;
UPDATE "ContentReferences" SET "SourcePublishedUtc" =
    (SELECT "PublishedUtc" FROM "ContentItems" WHERE "ContentItems"."Key" = "ContentReferences"."SourceKey");
DROP INDEX "IX_ContentReferences_TargetKey_Kind";
CREATE INDEX "IX_ContentReferences_TargetKey_Kind_SourcePublishedUtc" ON "ContentReferences" ("TargetKey", "Kind", "SourcePublishedUtc");
