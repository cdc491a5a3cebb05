-- Event registrations and the per-event row their changes lock (Events/Registrations).
CREATE TABLE "RegistrationEvents" (
    "EventKey" TEXT NOT NULL CONSTRAINT "PK_RegistrationEvents" PRIMARY KEY,
    "Capacity" INTEGER NULL,
    "DetailsFingerprint" TEXT NULL,
    "RemindedUtc" TEXT NULL,
    "AnonymisedUtc" TEXT NULL,
    CONSTRAINT "FK_RegistrationEvents_ContentItems_EventKey" FOREIGN KEY ("EventKey") REFERENCES "ContentItems" ("Key") ON DELETE CASCADE
);

CREATE TABLE "Registrations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Registrations" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "EventKey" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Answers" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Token" TEXT NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "UpdatedUtc" TEXT NOT NULL,
    "OfferExpiresUtc" TEXT NULL,
    "IcsSequence" INTEGER NOT NULL,
    "AnonymisedUtc" TEXT NULL,
    CONSTRAINT "FK_Registrations_ContentItems_EventKey" FOREIGN KEY ("EventKey") REFERENCES "ContentItems" ("Key") ON DELETE CASCADE
);

CREATE INDEX "IX_Registrations_Email" ON "Registrations" ("Email");
CREATE INDEX "IX_Registrations_EventKey_Status" ON "Registrations" ("EventKey", "Status");
CREATE UNIQUE INDEX "IX_Registrations_Key" ON "Registrations" ("Key");
CREATE INDEX "IX_Registrations_Status_OfferExpiresUtc" ON "Registrations" ("Status", "OfferExpiresUtc");
CREATE UNIQUE INDEX "IX_Registrations_Token" ON "Registrations" ("Token");
