-- "Events that have not ended yet" (home page, agenda) as an index range: events with an end
-- date are found through this index, events without one through (Status, LiveDateUtc). It also
-- carries what the agenda reads of each event and what its filters join on (type, start, live
-- version, online, key), so the agenda's facts come from the index without visiting the rows.
CREATE INDEX "IX_ContentItems_Status_LiveEndUtc" ON "ContentItems" ("Status", "LiveEndUtc", "Type", "LiveDateUtc", "LiveVersion", "LiveOnline", "Key");
