-- The agenda filters and counts events by the Amsterdam month they start in. Stored per event
-- (yyyymm, written on publish in Europe/Amsterdam), so counting months is a GROUP BY over an
-- index instead of date arithmetic on every event of the period.
ALTER TABLE "ContentItems" ADD "LiveMonth" integer;

UPDATE "ContentItems"
SET "LiveMonth" = CAST(to_char("LiveDateUtc" AT TIME ZONE 'Europe/Amsterdam', 'YYYYMM') AS integer)
WHERE "Type" IN ('Event', 'Workshop') AND "LiveDateUtc" IS NOT NULL;

-- Both period indexes carry the month, so the agenda's counts stay index-only; the start-date
-- index also carries the agenda's other columns, for the past period.
DROP INDEX "IX_ContentItems_Status_LiveDateUtc";
CREATE INDEX "IX_ContentItems_Status_LiveDateUtc" ON "ContentItems" ("Status", "LiveDateUtc", "Type", "LiveEndUtc", "LiveVersion", "LiveOnline", "LiveMonth", "Key");
DROP INDEX "IX_ContentItems_Status_LiveEndUtc";
CREATE INDEX "IX_ContentItems_Status_LiveEndUtc" ON "ContentItems" ("Status", "LiveEndUtc", "Type", "LiveDateUtc", "LiveVersion", "LiveOnline", "LiveMonth", "Key");
