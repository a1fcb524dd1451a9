"use server";

import { defineAction } from "@/server/action";
import { makeCalendarLink, turnOffCalendarLink } from "./commands";

export const makeCalendarLinkAction = defineAction(makeCalendarLink);
export const turnOffCalendarLinkAction = defineAction(turnOffCalendarLink);
