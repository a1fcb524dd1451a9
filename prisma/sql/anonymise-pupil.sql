-- Erasure (ADR 012): the one way to change a pupil's rows in the append-only tables. An owner-defined
-- SECURITY DEFINER function, so the app's role may call it but can do nothing else to those tables.
-- It checks its own arguments (the pupil is in the school, the actor is an admin of that school),
-- replaces the pupil's free text in the point ledger (reasons) and in the audit entries about the
-- pupil or naming the pupil (their recorded changes), leaves amounts, dates and who did what alone,
-- and writes its own audit row in the same transaction. Only pg_catalog's operators are used (text,
-- not the enum), and search_path is pinned. Applied after every `migrate deploy`. Idempotent.
CREATE OR REPLACE FUNCTION peerpath_anonymise_pupil_free_text(p_school_id text, p_student_id text, p_actor_user_id text)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  point_rows integer;
  audit_rows integer;
BEGIN
  IF p_school_id IS NULL OR p_student_id IS NULL OR p_actor_user_id IS NULL THEN
    RAISE EXCEPTION 'peerpath_anonymise_pupil_free_text needs a school, a pupil and an actor' USING ERRCODE = '22004';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "Student" WHERE "schoolId" = p_school_id AND "id" = p_student_id) THEN
    RAISE EXCEPTION 'No such pupil in this school' USING ERRCODE = 'P0002';
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
    WHERE m."schoolId" = p_school_id AND m."userId" = p_actor_user_id
      AND 'ADMIN' = ANY (m."roles"::text[]) AND u."disabledAt" IS NULL
  ) THEN
    RAISE EXCEPTION 'Only an admin of this school may anonymise a pupil' USING ERRCODE = '42501';
  END IF;

  PERFORM set_config('peerpath.rewriting_append_only', 'anonymise', true);
  UPDATE "PointEntry" SET "reason" = '[removed]'
    WHERE "schoolId" = p_school_id AND "studentId" = p_student_id AND "reason" <> '[removed]';
  GET DIAGNOSTICS point_rows = ROW_COUNT;
  -- Every entry about the pupil, or whose recorded changes name the pupil anywhere (a keep-apart pair,
  -- a session's attendance, a pairing's members).
  UPDATE "AuditLog" SET "changes" = '{"anonymised": true}'::jsonb
    WHERE "schoolId" = p_school_id
      AND "action" <> 'student.anonymised' AND "changes" <> '{"anonymised": true}'::jsonb
      AND (("recordType" = 'Student' AND "recordId" = p_student_id)
           OR jsonb_path_exists("changes", '$.** ? (@ == $id)', jsonb_build_object('id', p_student_id)));
  GET DIAGNOSTICS audit_rows = ROW_COUNT;
  PERFORM set_config('peerpath.rewriting_append_only', '', true);
  -- Words about the pupil on their board profile: a proposed nickname and why staff hid them.
  UPDATE "PupilBoardProfile" SET "nickname" = NULL, "nicknameStatus" = NULL, "hiddenReason" = ''
    WHERE "schoolId" = p_school_id AND "studentId" = p_student_id;

  INSERT INTO "AuditLog" ("id", "schoolId", "actorUserId", "action", "recordType", "recordId", "changes", "at")
  VALUES (gen_random_uuid()::text, p_school_id, p_actor_user_id, 'student.anonymised', 'Student', p_student_id,
          jsonb_build_object('pointEntries', point_rows, 'auditEntries', audit_rows), now());
  RETURN point_rows + audit_rows;
END;
$$;

REVOKE ALL ON FUNCTION peerpath_anonymise_pupil_free_text(text, text, text) FROM PUBLIC;
