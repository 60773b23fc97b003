-- Events written before link tokens were derived from their row carried the raw token. Only
-- PENDING ones still need it (to send their e-mail); finished ones (PROCESSED, DEAD) keep none.
UPDATE "outbox_events" SET "payload" = "payload" - 'token' WHERE "status" <> 'PENDING' AND "payload" ? 'token';
