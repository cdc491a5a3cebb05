-- Media library (Media/): folders (one level) and uploaded files; the files themselves live under Media:Path.
CREATE TABLE "MediaFolders" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MediaFolders" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "CreatedUtc" TEXT NOT NULL
);

CREATE TABLE "MediaItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MediaItems" PRIMARY KEY,
    "FolderId" TEXT NULL,
    "FileName" TEXT NOT NULL,
    "OriginalName" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "Width" INTEGER NULL,
    "Height" INTEGER NULL,
    "HasAlpha" INTEGER NOT NULL,
    "AltText" TEXT NULL,
    "FocalX" INTEGER NOT NULL,
    "FocalY" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploadedUtc" TEXT NOT NULL,
    "UpdatedUtc" TEXT NOT NULL,
    CONSTRAINT "FK_MediaItems_MediaFolders_FolderId" FOREIGN KEY ("FolderId") REFERENCES "MediaFolders" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_MediaFolders_Name" ON "MediaFolders" ("Name");
CREATE INDEX "IX_MediaItems_FolderId_UploadedUtc" ON "MediaItems" ("FolderId", "UploadedUtc");
