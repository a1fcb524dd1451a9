-- Append-only records (ADR 003): the point ledger and the audit log are never changed or removed;
-- a correction to points is a new, reversing entry. Applied after every `migrate deploy` by
-- scripts/lib/prisma-cli.ts, because Prisma's migration runner splits scripts on semicolons and
-- cannot run a PL/pgSQL body. Idempotent.
CREATE OR REPLACE FUNCTION peerpath_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS "PointEntry_append_only" ON "PointEntry";
CREATE TRIGGER "PointEntry_append_only" BEFORE UPDATE OR DELETE ON "PointEntry"
  FOR EACH ROW EXECUTE FUNCTION peerpath_refuse_change();

DROP TRIGGER IF EXISTS "AuditLog_append_only" ON "AuditLog";
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION peerpath_refuse_change();
