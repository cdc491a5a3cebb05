-- Newsletter sends paused because the relay was down resume by themselves (Newsletter/RelayRecovery).
ALTER TABLE "NewsletterSends" ADD COLUMN "PausedForRelay" boolean NOT NULL DEFAULT FALSE;
-- EF sets the value on every insert; no default, as in the schema EF creates from the model.
ALTER TABLE "NewsletterSends" ALTER COLUMN "PausedForRelay" DROP DEFAULT;
