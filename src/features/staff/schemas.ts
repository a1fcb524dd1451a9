import { z } from "zod";
import { checkbox, emailAddress, recordId, text } from "@/lib/schema-helpers";
import { newPasswordFields, passwordsMatch } from "@/features/auth/schemas";

/** The six staff roles as the form's tick boxes, in the order the form shows them. */
export const ROLE_FIELDS = [
  { field: "admin", role: "ADMIN" },
  { field: "coordinator", role: "COORDINATOR" },
  { field: "teacher", role: "TEACHER" },
  { field: "dsl", role: "DSL" },
  { field: "head", role: "HEAD" },
  { field: "chair", role: "CHAIR_OF_GOVERNORS" },
] as const;

export const NO_ROLE_MESSAGE = "Choose at least one role.";

const roleBoxes = { admin: checkbox, coordinator: checkbox, teacher: checkbox, dsl: checkbox, head: checkbox, chair: checkbox };
const hasARole = (v: Record<(typeof ROLE_FIELDS)[number]["field"], boolean>) => ROLE_FIELDS.some((f) => v[f.field]);

const staffName = text({ max: 100, min: 1, missing: "Enter their full name." });
const staffEmail = emailAddress("Enter their email address.");

export const addStaffMemberSchema = z
  .object({ name: staffName, email: staffEmail, ...roleBoxes })
  .refine(hasARole, { error: NO_ROLE_MESSAGE, path: ["roles"] });

export const updateStaffMemberSchema = z
  .object({ userId: recordId, name: staffName, email: staffEmail, ...roleBoxes })
  .refine(hasARole, { error: NO_ROLE_MESSAGE, path: ["roles"] });

/** One member of staff of the admin's school: to disable, enable, or send a set-password link. */
export const staffMemberSchema = z.object({ userId: recordId });

const LINK_PART = /^[A-Za-z0-9_-]{1,64}$/;
const linkPart = z.string({ error: "This link is not complete." }).regex(LINK_PART, { error: "This link is not complete." });

/** The set-password page's form: the link's parts (from the address) and the new password twice. */
export const setPasswordWithLinkSchema = z.object({ schoolId: linkPart, token: linkPart, ...newPasswordFields }).refine(...passwordsMatch);
