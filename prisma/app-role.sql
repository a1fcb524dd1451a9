-- The app's database role (ADR 003): it owns nothing and holds only the rights it needs. Applied by
-- scripts/lib/prisma-cli.ts after the migrations and prisma/sql, as the owner, whenever the app
-- connects as another role than the owner; peerpath.app_role names that role. Idempotent: it first
-- takes every right away, then grants, so a table added by a later migration is covered next time.
DO $$
DECLARE
  app text := current_setting('peerpath.app_role');
  t record;
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
  EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', app);
  EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', app);
  EXECUTE format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM %I', app);
  FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations' LOOP
    IF EXISTS (SELECT 1 FROM pg_trigger tg WHERE tg.tgrelid = format('public.%I', t.relname)::regclass
               AND tg.tgname = t.relname || '_append_only') THEN
      -- Append-only: read and add, nothing else.
      EXECUTE format('GRANT SELECT, INSERT ON public.%I TO %I', t.relname, app);
    ELSIF t.relname IN ('School', 'User', 'Student', 'Programme') THEN
      -- Never hard-deleted: people and programmes are disabled, left or closed.
      EXECUTE format('GRANT SELECT, INSERT, UPDATE ON public.%I TO %I', t.relname, app);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO %I', t.relname, app);
    END IF;
  END LOOP;
  EXECUTE format('GRANT EXECUTE ON FUNCTION public.peerpath_anonymise_pupil_free_text(text, text, text) TO %I', app);
END;
$$;
