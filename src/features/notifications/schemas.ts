import { z } from "zod";
import { recordId } from "@/lib/schema-helpers";

export const markNotificationReadSchema = z.object({ notificationId: recordId });

/** "Mark all as read" marks what the page showed: up to the newest notification it listed, not one that came after. */
export const markAllNotificationsReadSchema = z.object({ newestId: recordId });
