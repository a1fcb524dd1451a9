-- Append-only records (ADR 003): the point ledger, the audit log, the security events, the earlier
-- versions of session logs and questionnaire answers, and the chronology of concerns are never
-- changed or removed; a correction to points is a new, reversing entry. Applied after every
-- `migrate deploy` by scripts/lib/prisma-cli.ts (Prisma's migration runner splits scripts on
-- semicolons and cannot run a PL/pgSQL body). Idempotent.
--
-- Two guards: the app's database role holds no UPDATE, DELETE, TRUNCATE or TRIGGER right on these
-- tables (prisma/app-role.sql), and these triggers refuse UPDATE, DELETE and TRUNCATE for every role,
-- the owner included. The one way past the triggers is an owner-defined SECURITY DEFINER function
-- that sets peerpath.rewriting_append_only for its own transaction (anonymise-pupil.sql): the app
-- role cannot use that setting itself, because it has no right to UPDATE the tables at all.
CREATE OR REPLACE FUNCTION peerpath_refuse_change() RETURNS trigger AS $$
BEGIN
  -- Erasure may replace free text (a point's reason, an audit entry's recorded changes) and nothing
  -- else: not a key, an amount, a date or who did it.
  IF TG_OP = 'UPDATE' AND current_setting('peerpath.rewriting_append_only', true) = 'anonymise'
     AND (to_jsonb(NEW) - 'reason' - 'changes') = (to_jsonb(OLD) - 'reason' - 'changes') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;

-- The append-only tables, listed once: each gets a row trigger and a TRUNCATE trigger named after it
-- (prisma/app-role.sql finds the tables by the first name).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['PointEntry', 'AuditLog', 'SecurityEvent', 'SessionRevision', 'QuestionnaireResponse', 'QuestionnaireAnswer', 'ConcernEntry', 'VolunteerCheck'] LOOP
    -- A table a later migration creates gets its triggers on the deploy that creates it (a test may
    -- stop the migrations part way); database-rules.test.ts proves each table's triggers.
    CONTINUE WHEN to_regclass(format('public.%I', t)) IS NULL;
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_append_only', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION peerpath_refuse_change()',
                   t || '_append_only', t);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_append_only_truncate', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION peerpath_refuse_change()',
                   t || '_append_only_truncate', t);
  END LOOP;
END;
$$;
