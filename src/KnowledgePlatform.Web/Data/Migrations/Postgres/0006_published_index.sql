-- Lists, feeds and the home page ask for the newest publications first; without this index every
-- such query sorts all published items.
CREATE INDEX "IX_ContentItems_Status_PublishedUtc" ON "ContentItems" ("Status", "PublishedUtc");
