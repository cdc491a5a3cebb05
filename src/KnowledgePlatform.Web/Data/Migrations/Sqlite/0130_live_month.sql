-- The agenda filters and counts events by the Amsterdam month they start in. Stored per event
-- (yyyymm, written on publish in Europe/Amsterdam), so counting months is a GROUP BY over an
-- index instead of date arithmetic on every event of the period.
ALTER TABLE "ContentItems" ADD "LiveMonth" INTEGER NULL;

-- Events published before: SQLite knows no time zones, so the EU summer-time rule is spelled out
-- (UTC+2 from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC, else
-- UTC+1; Amsterdam has kept it since 1996). 'weekday 0' moves a date to the next Sunday, so the
-- 25th's next Sunday is the month's last one.
UPDATE "ContentItems" SET "LiveMonth" = CAST(strftime('%Y%m', "LiveDateUtc",
    CASE WHEN "LiveDateUtc" >= datetime(date(strftime('%Y', "LiveDateUtc") || '-03-25', 'weekday 0'), '+1 hours')
          AND "LiveDateUtc" < datetime(date(strftime('%Y', "LiveDateUtc") || '-10-25', 'weekday 0'), '+1 hours')
         THEN '+2 hours' ELSE '+1 hours' END) AS INTEGER)
WHERE "Type" IN ('Event', 'Workshop') AND "LiveDateUtc" IS NOT NULL;

-- Both period indexes carry the month, so the agenda's counts stay index-only. The start-date
-- index also carries the agenda's other columns: the past period ("started before now") is a
-- range over it that no longer visits each row to learn its type and end.
DROP INDEX "IX_ContentItems_Status_LiveDateUtc";
CREATE INDEX "IX_ContentItems_Status_LiveDateUtc" ON "ContentItems" ("Status", "LiveDateUtc", "Type", "LiveEndUtc", "LiveVersion", "LiveOnline", "LiveMonth", "Key");
DROP INDEX "IX_ContentItems_Status_LiveEndUtc";
CREATE INDEX "IX_ContentItems_Status_LiveEndUtc" ON "ContentItems" ("Status", "LiveEndUtc", "Type", "LiveDateUtc", "LiveVersion", "LiveOnline", "LiveMonth", "Key");
