"use server";

import { defineAction } from "@/server/action";
import { dismissTodo } from "./commands";

export const dismissTodoAction = defineAction(dismissTodo);
