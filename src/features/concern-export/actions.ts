"use server";

import { defineAction } from "@/server/action";
import { confirmTransferReceipt, recordTransfer } from "./commands";

export const recordTransferAction = defineAction(recordTransfer);
export const confirmTransferReceiptAction = defineAction(confirmTransferReceipt);
