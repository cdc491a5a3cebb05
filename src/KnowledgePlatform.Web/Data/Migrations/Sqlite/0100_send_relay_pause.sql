-- Newsletter sends paused because the relay was down resume by themselves (Newsletter/RelayRecovery).
ALTER TABLE "NewsletterSends" ADD COLUMN "PausedForRelay" INTEGER NOT NULL DEFAULT 0;
