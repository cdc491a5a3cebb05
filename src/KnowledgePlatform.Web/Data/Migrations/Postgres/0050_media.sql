-- Media library (Media/): folders (one level) and uploaded files; the files themselves live under Media:Path.
CREATE TABLE "MediaFolders" (
    "Id" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "CreatedUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_MediaFolders" PRIMARY KEY ("Id")
);

CREATE TABLE "MediaItems" (
    "Id" uuid NOT NULL,
    "FolderId" uuid,
    "FileName" character varying(120) NOT NULL,
    "OriginalName" character varying(255) NOT NULL,
    "Format" character varying(16) NOT NULL,
    "Length" bigint NOT NULL,
    "Width" integer,
    "Height" integer,
    "HasAlpha" boolean NOT NULL,
    "AltText" character varying(500),
    "FocalX" integer NOT NULL,
    "FocalY" integer NOT NULL,
    "Version" integer NOT NULL,
    "UploadedBy" character varying(256) NOT NULL,
    "UploadedUtc" timestamp with time zone NOT NULL,
    "UpdatedUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_MediaItems" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_MediaItems_MediaFolders_FolderId" FOREIGN KEY ("FolderId") REFERENCES "MediaFolders" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_MediaFolders_Name" ON "MediaFolders" ("Name");
CREATE INDEX "IX_MediaItems_FolderId_UploadedUtc" ON "MediaItems" ("FolderId", "UploadedUtc");
