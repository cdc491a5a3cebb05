-- Whether the live version of an event or workshop can be followed online (its OnlineUrl is set),
-- so the agenda filters and counts "online" without reading version bodies. Null for other types.
ALTER TABLE "ContentItems" ADD "LiveOnline" INTEGER NULL;

-- Items published before this column existed get it from their live version's body.
UPDATE "ContentItems" SET "LiveOnline" = (
    SELECT json_extract(v."Body", '$.onlineUrl') IS NOT NULL
    FROM "ContentVersions" v
    WHERE v."ContentKey" = "ContentItems"."Key" AND v."Number" = "ContentItems"."LiveVersion")
WHERE "Type" IN ('Event', 'Workshop') AND "LiveVersion" IS NOT NULL;
