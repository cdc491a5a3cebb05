-- The mail ledger: one row per mail to one recipient, claimed, sent and stamped by the dispatcher (Mail/README.md).
CREATE TABLE "MailLedger" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MailLedger" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "DedupeKey" TEXT NOT NULL,
    "ToAddress" TEXT NOT NULL,
    "ToName" TEXT NULL,
    "Subject" TEXT NULL,
    "Html" TEXT NULL,
    "Text" TEXT NULL,
    "Parts" TEXT NULL,
    "GroupId" INTEGER NULL,
    "RecipientRef" INTEGER NULL,
    "State" INTEGER NOT NULL,
    "Priority" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "DueAtMs" INTEGER NOT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntilMs" INTEGER NOT NULL,
    "MessageId" TEXT NULL,
    "LastReply" TEXT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "FinishedUtc" TEXT NULL
);

CREATE UNIQUE INDEX "IX_MailLedger_DedupeKey" ON "MailLedger" ("DedupeKey");

CREATE INDEX "IX_MailLedger_GroupId_State" ON "MailLedger" ("GroupId", "State");

CREATE INDEX "IX_MailLedger_RecipientRef" ON "MailLedger" ("RecipientRef");

CREATE INDEX "IX_MailLedger_State_Priority_Id" ON "MailLedger" ("State", "Priority", "Id");

