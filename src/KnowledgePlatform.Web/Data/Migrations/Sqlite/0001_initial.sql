-- Initial schema. Drafted with 'db script' (EF's GenerateCreateScript) and kept in step with the
-- model by MigrationSchemaTests, which compares this migrated schema with the one EF creates.
CREATE TABLE "ContentItems" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_ContentItems" PRIMARY KEY,
    "Type" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "LatestVersion" INTEGER NOT NULL,
    "LiveVersion" INTEGER NULL,
    "CreatedUtc" TEXT NOT NULL,
    "UpdatedUtc" TEXT NOT NULL,
    "PublishedUtc" TEXT NULL,
    "LiveSlug" TEXT NULL,
    "LiveTitle" TEXT NULL,
    "LiveSummary" TEXT NULL,
    "LiveDateUtc" TEXT NULL,
    "LiveEndUtc" TEXT NULL
);

CREATE TABLE "Organisations" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_Organisations" PRIMARY KEY,
    "Slug" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Website" TEXT NULL,
    "LogoUrl" TEXT NULL
);

CREATE TABLE "Outbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Outbox" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "ContentKey" TEXT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "ProcessedUtc" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL
);

CREATE TABLE "SiteSettings" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_SiteSettings" PRIMARY KEY,
    "Value" TEXT NOT NULL
);

CREATE TABLE "Vocabularies" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_Vocabularies" PRIMARY KEY,
    "Alias" TEXT NOT NULL,
    "Name" TEXT NOT NULL
);

CREATE TABLE "ContentReferences" (
    "SourceKey" TEXT NOT NULL,
    "TargetKey" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    CONSTRAINT "PK_ContentReferences" PRIMARY KEY ("SourceKey", "Kind", "TargetKey"),
    CONSTRAINT "FK_ContentReferences_ContentItems_SourceKey" FOREIGN KEY ("SourceKey") REFERENCES "ContentItems" ("Key") ON DELETE CASCADE
);

CREATE TABLE "ContentVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContentVersions" PRIMARY KEY AUTOINCREMENT,
    "ContentKey" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_ContentVersions_ContentItems_ContentKey" FOREIGN KEY ("ContentKey") REFERENCES "ContentItems" ("Key") ON DELETE CASCADE
);

CREATE TABLE "SlugRedirects" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SlugRedirects" PRIMARY KEY AUTOINCREMENT,
    "Type" TEXT NOT NULL,
    "OldSlug" TEXT NOT NULL,
    "ContentKey" TEXT NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    CONSTRAINT "FK_SlugRedirects_ContentItems_ContentKey" FOREIGN KEY ("ContentKey") REFERENCES "ContentItems" ("Key") ON DELETE CASCADE
);

CREATE TABLE "People" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_People" PRIMARY KEY,
    "Slug" TEXT NOT NULL,
    "Honorific" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Role" TEXT NULL,
    "OrganisationKey" TEXT NULL,
    "Bio" TEXT NULL,
    "PhotoUrl" TEXT NULL,
    CONSTRAINT "FK_People_Organisations_OrganisationKey" FOREIGN KEY ("OrganisationKey") REFERENCES "Organisations" ("Key") ON DELETE SET NULL
);

CREATE TABLE "Terms" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_Terms" PRIMARY KEY,
    "VocabularyKey" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_Terms_Vocabularies_VocabularyKey" FOREIGN KEY ("VocabularyKey") REFERENCES "Vocabularies" ("Key") ON DELETE CASCADE
);

CREATE INDEX "IX_ContentItems_Status_LiveDateUtc" ON "ContentItems" ("Status", "LiveDateUtc");

CREATE INDEX "IX_ContentItems_Type_LiveSlug" ON "ContentItems" ("Type", "LiveSlug");

CREATE UNIQUE INDEX "IX_ContentItems_Type_Slug" ON "ContentItems" ("Type", "Slug");

CREATE INDEX "IX_ContentReferences_TargetKey_Kind" ON "ContentReferences" ("TargetKey", "Kind");

CREATE UNIQUE INDEX "IX_ContentVersions_ContentKey_Number" ON "ContentVersions" ("ContentKey", "Number");

CREATE UNIQUE INDEX "IX_Organisations_Slug" ON "Organisations" ("Slug");

CREATE INDEX "IX_Outbox_ProcessedUtc" ON "Outbox" ("ProcessedUtc");

CREATE INDEX "IX_People_OrganisationKey" ON "People" ("OrganisationKey");

CREATE UNIQUE INDEX "IX_People_Slug" ON "People" ("Slug");

CREATE INDEX "IX_SlugRedirects_ContentKey" ON "SlugRedirects" ("ContentKey");

CREATE UNIQUE INDEX "IX_SlugRedirects_Type_OldSlug" ON "SlugRedirects" ("Type", "OldSlug");

CREATE UNIQUE INDEX "IX_Terms_VocabularyKey_Slug" ON "Terms" ("VocabularyKey", "Slug");

CREATE UNIQUE INDEX "IX_Vocabularies_Alias" ON "Vocabularies" ("Alias");

