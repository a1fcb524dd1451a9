"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, definePublicAction } from "@/server/action";
import { isAppPath } from "@/lib/app-path";
import { markAllNotificationsRead, markNotificationRead } from "./commands";

const runMarkNotificationRead = defineAction(markNotificationRead);

/** Following a notification: marks it read, then goes where it points (also when it was read already). */
export const markNotificationReadAction = definePublicAction(z.object({}).loose(), async (_input, formData) => {
  const result = await runMarkNotificationRead({ ok: false }, formData);
  if (result.link && isAppPath(result.link.href)) redirect(result.link.href);
  return result;
});

export const markAllNotificationsReadAction = defineAction(markAllNotificationsRead);
