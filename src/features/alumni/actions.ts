"use server";

import { defineAction } from "@/server/action";
import { endAlumniMentor, inviteAlumniMentor, recordVolunteerCheck } from "./commands";

export const recordVolunteerCheckAction = defineAction(recordVolunteerCheck);
export const inviteAlumniMentorAction = defineAction(inviteAlumniMentor);
export const endAlumniMentorAction = defineAction(endAlumniMentor);
