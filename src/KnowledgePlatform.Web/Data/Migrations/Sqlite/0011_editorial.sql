-- Back-office workflow (review, scheduled publish/unpublish with a claim lease) and manual redirects.
CREATE TABLE "EditorialStates" (
    "ContentKey" TEXT NOT NULL CONSTRAINT "PK_EditorialStates" PRIMARY KEY,
    "SubmittedUtc" TEXT NULL,
    "SubmittedBy" TEXT NULL,
    "PublishAtUtc" TEXT NULL,
    "UnpublishAtUtc" TEXT NULL,
    "ScheduledBy" TEXT NULL,
    "ClaimedUntilUtc" TEXT NULL
);

CREATE TABLE "ManualRedirects" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ManualRedirects" PRIMARY KEY AUTOINCREMENT,
    "FromPath" TEXT NOT NULL,
    "ToPath" TEXT NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL
);

CREATE INDEX "IX_EditorialStates_PublishAtUtc" ON "EditorialStates" ("PublishAtUtc");

CREATE INDEX "IX_EditorialStates_UnpublishAtUtc" ON "EditorialStates" ("UnpublishAtUtc");

CREATE UNIQUE INDEX "IX_ManualRedirects_FromPath" ON "ManualRedirects" ("FromPath");
