/** The list's heading, where the keyboard focus goes after "Mark all as read" (its button leaves the page). */
export const NOTIFICATIONS_HEADING_ID = "notifications-heading";
