-- "Events that have not ended yet" (home page, agenda) as an index range: events with an end
-- date are found through it, events without one through (Status, LiveDateUtc).
CREATE INDEX "IX_ContentItems_Status_LiveEndUtc" ON "ContentItems" ("Status", "LiveEndUtc");
