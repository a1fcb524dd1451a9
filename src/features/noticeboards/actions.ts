"use server";

import { defineAction } from "@/server/action";
import { makeNoticeboardLink, replaceNoticeboardLink, turnOffNoticeboardLink } from "./commands";

export const makeNoticeboardLinkAction = defineAction(makeNoticeboardLink);
export const replaceNoticeboardLinkAction = defineAction(replaceNoticeboardLink);
export const turnOffNoticeboardLinkAction = defineAction(turnOffNoticeboardLink);
