import { z } from "zod";
import { VolunteerCheckKind } from "@/generated/prisma/enums";
import { emailAddress, isoDate, recordId, text } from "@/lib/schema-helpers";

export const VOLUNTEER_CHECK_KINDS = Object.values(VolunteerCheckKind);

export const volunteerCheckLabels: Record<VolunteerCheckKind, string> = {
  ENHANCED_DBS: "Enhanced DBS check",
  ENHANCED_DBS_UPDATE_SERVICE: "Enhanced DBS check (Update Service)",
  OTHER: "Another check the school's policy accepts",
};

export const recordVolunteerCheckSchema = z.object({
  studentId: recordId,
  kind: z.enum(VolunteerCheckKind, { error: "Choose which check this is." }),
  checkedOn: isoDate,
  reference: text({ max: 60, min: 1, missing: "Enter the certificate or reference number." }),
});

export const inviteAlumniMentorSchema = z.object({
  studentId: recordId,
  personalEmail: emailAddress("Enter the email address they use now (not their old school one)."),
});

export const endAlumniMentorSchema = z.object({ studentId: recordId });
