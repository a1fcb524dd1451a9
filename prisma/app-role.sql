-- The app's database role (ADR 003): it owns nothing and holds only the rights it needs. Applied by
-- scripts/lib/prisma-cli.ts after the migrations and prisma/sql, as the owner, whenever the app
-- connects as another role than the owner; peerpath.app_role names that role. Idempotent: it first
-- takes every right away, then grants, so a table added by a later migration is covered next time.
DO $$
DECLARE
  app text := current_setting('peerpath.app_role');
  t record;
BEGIN
  -- A role that owns anything keeps the rights that come with owning it (ALTER, DROP, DISABLE
  -- TRIGGER) whatever is revoked: an upgrade from one role must hand everything to the owner first.
  IF EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = app)
     OR EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) = app)
     OR EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = 'public' AND pg_get_userbyid(n.nspowner) = app) THEN
    RAISE EXCEPTION 'The app role % owns tables, functions or the schema, so the database cannot hold it to append-only', app
      USING HINT = format('As an admin: REASSIGN OWNED BY %I TO <the owner role>, then migrate again (README, Deploy).', app);
  END IF;
  -- Nobody but the owner creates objects in the schema (an object the app made would be its own).
  EXECUTE 'REVOKE CREATE ON SCHEMA public FROM PUBLIC';
  EXECUTE format('REVOKE CREATE ON SCHEMA public FROM %I', app);
  IF has_schema_privilege(app, 'public', 'CREATE') THEN
    RAISE EXCEPTION 'The app role % may still create objects in schema public (through another role it is a member of)', app;
  END IF;
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
    ELSIF t.relname IN ('School', 'User', 'Membership', 'Student', 'Programme', 'PointCategory', 'SchoolRollover') THEN
      -- Never hard-deleted: people and programmes are disabled, left or closed, categories retired,
      -- a staff member's place at a school disabled, a rollover kept as the record that it ran.
      EXECUTE format('GRANT SELECT, INSERT, UPDATE ON public.%I TO %I', t.relname, app);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO %I', t.relname, app);
    END IF;
  END LOOP;
  EXECUTE format('GRANT EXECUTE ON FUNCTION public.peerpath_anonymise_pupil_free_text(text, text, text) TO %I', app);
END;
$$;
