"use client";

import { TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { useAnnouncedAction } from "@/components/ui/toast";

/** Where the keyboard goes once the news card leaves the page: the pupil's points. */
export const MY_POINTS_HEADING = "my-points-heading";
import { answerMilestoneAction, proposeNicknameAction, setBoardOptOutAction } from "../actions";

/** Opting out of (or back into) boards other pupils see: one button, saying what it does. */
export function BoardOptOutForm({ isOptedOut, isHidden }: { isOptedOut: boolean; isHidden: boolean }) {
  const { state, formAction } = useForm(setBoardOptOutAction);
  return (
    <form action={formAction} className="space-y-3" aria-label="Your name on boards">
      <FormMessage state={state} />
      <p>
        {isOptedOut
          ? "Your name is not on the boards other pupils see. You still see your own points."
          : isHidden
            ? "Your name is not on the boards other pupils see just now. You still see your own points."
            : "Your name is on the boards other pupils see. You can take it off at any time, and still see your own points."}
      </p>
      <input type="hidden" name="optOut" value={isOptedOut ? "no" : "yes"} />
      <SubmitButton variant="secondary">{isOptedOut ? "Put my name back on boards" : "Take my name off boards"}</SubmitButton>
    </form>
  );
}

/** A nickname for boards, which a member of staff checks first. */
export function NicknameForm({ nickname, status }: { nickname: string | null; status: "PROPOSED" | "APPROVED" | "REJECTED" | null }) {
  const { state, formAction, value, errors, key } = useForm(proposeNicknameAction);
  const now =
    status === "PROPOSED"
      ? `You asked for “${nickname}”. A member of staff will look at it soon.`
      : status === "APPROVED"
        ? `Your nickname is “${nickname}”.`
        : status === "REJECTED"
          ? `“${nickname}” was not chosen. You can ask for a different one.`
          : null;
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="Your nickname">
      <FormMessage state={state} />
      {now ? <p>{now}</p> : null}
      <div key={key}>
        <TextInput
          id="nickname"
          name="nickname"
          label="Nickname for boards"
          hint="2 to 20 letters. A member of staff checks it before it shows."
          defaultValue={value("nickname")}
          errors={errors("nickname")}
          maxLength={20}
          autoComplete="off"
        />
      </div>
      <SubmitButton variant="secondary">Ask for this nickname</SubmitButton>
    </form>
  );
}

/** The one-tap question when a pupil's points move above zero: may other pupils see the news? */
export function MilestoneAnswer({ milestoneId }: { milestoneId: string }) {
  // The card leaves the page once answered, so the answer is announced in the page's live region.
  const { state, formAction } = useForm(useAnnouncedAction(answerMilestoneAction, MY_POINTS_HEADING));
  return (
    <form action={formAction} className="space-y-3" aria-label="Share your news">
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <p>Would you like other pupils to see this on the board?</p>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="share" value="yes">
          Yes, show it
        </Button>
        <Button type="submit" name="share" value="no" variant="secondary">
          No, keep it just for me
        </Button>
      </div>
    </form>
  );
}
