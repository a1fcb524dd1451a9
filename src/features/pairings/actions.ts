"use server";

import { defineAction } from "@/server/action";
import { changePairingStatus, createPairing, pauseMyPlace, pausePairing, resumePause } from "./commands";

export const createPairingAction = defineAction(createPairing);
export const changePairingStatusAction = defineAction(changePairingStatus);
export const pauseMyPlaceAction = defineAction(pauseMyPlace);
export const pausePairingAction = defineAction(pausePairing);
export const resumePauseAction = defineAction(resumePause);
