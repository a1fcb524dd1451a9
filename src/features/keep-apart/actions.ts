"use server";

import { defineAction } from "@/server/action";
import { addKeepApart, removeKeepApart } from "./commands";

export const addKeepApartAction = defineAction(addKeepApart);
export const removeKeepApartAction = defineAction(removeKeepApart);
