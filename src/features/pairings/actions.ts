"use server";

import { defineAction } from "@/server/action";
import { changePairingStatus, createPairing } from "./commands";

export const createPairingAction = defineAction(createPairing);
export const changePairingStatusAction = defineAction(changePairingStatus);
