-- Outbox leases, Data Protection keys and named leases in the database (Cluster/). SQLite runs one
-- instance (Cluster/SqliteInstanceLock), but keeps the same schema so the code is the same.
ALTER TABLE "Outbox" ADD "ClaimToken" TEXT NULL;
ALTER TABLE "Outbox" ADD "ClaimedUntilUtc" TEXT NULL;

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NOT NULL
);

CREATE TABLE "ClusterLeases" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_ClusterLeases" PRIMARY KEY,
    "Holder" TEXT NOT NULL,
    "ExpiresUtc" TEXT NOT NULL
);
