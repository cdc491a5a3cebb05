-- Newsletter subscribers, consent ledger, suppression list, secrets and sends; the visitor mail-rate counters (Mail/, Newsletter/).
CREATE TABLE "MailRateCounters" (
    "Scope" TEXT NOT NULL,
    "Window" INTEGER NOT NULL,
    "Count" INTEGER NOT NULL,
    CONSTRAINT "PK_MailRateCounters" PRIMARY KEY ("Scope", "Window")
);

CREATE TABLE "Subscribers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Subscribers" PRIMARY KEY AUTOINCREMENT,
    "Email" TEXT NOT NULL,
    "Name" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "AllTopics" INTEGER NOT NULL,
    "Terms" TEXT NOT NULL,
    "ConfirmationTokenHash" TEXT NULL,
    "ConfirmationExpiresUtc" TEXT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "ConfirmedUtc" TEXT NULL,
    "UpdatedUtc" TEXT NOT NULL,
    "BounceCount" INTEGER NOT NULL,
    "LastBounce" TEXT NULL,
    "Source" TEXT NOT NULL
);

CREATE TABLE "ConsentRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ConsentRecords" PRIMARY KEY AUTOINCREMENT,
    "SubscriberId" INTEGER NOT NULL,
    "AtUtc" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Ip" TEXT NULL,
    "Preferences" TEXT NULL
);

CREATE TABLE "SuppressedAddresses" (
    "Hash" TEXT NOT NULL CONSTRAINT "PK_SuppressedAddresses" PRIMARY KEY,
    "Reason" TEXT NOT NULL,
    "AtUtc" TEXT NOT NULL
);

CREATE TABLE "NewsletterSecrets" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_NewsletterSecrets" PRIMARY KEY,
    "Value" TEXT NOT NULL
);

CREATE TABLE "NewsletterSends" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NewsletterSends" PRIMARY KEY AUTOINCREMENT,
    "IssueKey" TEXT NOT NULL,
    "IssueVersion" INTEGER NOT NULL,
    "State" INTEGER NOT NULL,
    "ScheduledUtc" TEXT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "StartedUtc" TEXT NULL,
    "CompletedUtc" TEXT NULL,
    "Recipients" INTEGER NOT NULL,
    "PauseReason" TEXT NULL,
    "CreatedBy" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_Subscribers_Email" ON "Subscribers" ("Email");

CREATE INDEX "IX_Subscribers_Status" ON "Subscribers" ("Status");

CREATE INDEX "IX_ConsentRecords_SubscriberId" ON "ConsentRecords" ("SubscriberId");

CREATE INDEX "IX_NewsletterSends_IssueKey" ON "NewsletterSends" ("IssueKey");

CREATE INDEX "IX_NewsletterSends_State_ScheduledUtc" ON "NewsletterSends" ("State", "ScheduledUtc");
