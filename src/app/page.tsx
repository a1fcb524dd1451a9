import { redirect } from "next/navigation";
import { homePathFor } from "@/server/actor";
import { getActor } from "@/server/session";

export default async function Home() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  if (actor.mustChangePassword) redirect("/account/password");
  redirect(homePathFor(actor));
}
