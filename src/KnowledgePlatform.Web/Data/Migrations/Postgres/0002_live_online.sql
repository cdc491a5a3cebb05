-- Whether the live version of an event or workshop can be followed online (its OnlineUrl is set),
-- so the agenda filters and counts "online" without reading version bodies. Null for other types.
ALTER TABLE "ContentItems" ADD "LiveOnline" boolean;

-- Items published before this column existed get it from their live version's body.
UPDATE "ContentItems" AS i SET "LiveOnline" = (v."Body"::jsonb ->> 'onlineUrl') IS NOT NULL
FROM "ContentVersions" AS v
WHERE v."ContentKey" = i."Key" AND v."Number" = i."LiveVersion" AND i."Type" IN ('Event', 'Workshop');
