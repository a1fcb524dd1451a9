-- An ended pairing stays ended (ADR 010): whatever the app does, PostgreSQL refuses to change its
-- status, closure reason or end date. A re-pair is a new pairing, so the history is kept.
-- Applied after every `migrate deploy` with the other files in prisma/sql. Idempotent.
CREATE OR REPLACE FUNCTION peerpath_pairing_ended_is_final() RETURNS trigger AS $$
BEGIN
  IF OLD."status" = 'ENDED' AND (
    NEW."status" IS DISTINCT FROM OLD."status"
    OR NEW."closureReason" IS DISTINCT FROM OLD."closureReason"
    OR NEW."endsOn" IS DISTINCT FROM OLD."endsOn"
  ) THEN
    RAISE EXCEPTION 'Pairing % has ended: an ended pairing cannot be changed', OLD."id" USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS "Pairing_ended_is_final" ON "Pairing";
CREATE TRIGGER "Pairing_ended_is_final" BEFORE UPDATE ON "Pairing"
  FOR EACH ROW EXECUTE FUNCTION peerpath_pairing_ended_is_final();
