"use client";

import { RadioGroup, Select, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmedRemoveForm } from "@/components/forms/confirmed-remove-form";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { useAnnouncedAction } from "@/components/ui/toast";
import {
  addPointCategoryAction,
  decideNicknameAction,
  restorePointCategoryAction,
  retirePointCategoryAction,
  savePointSettingsAction,
  setPupilHiddenAction,
  updatePointCategoryAction,
} from "../actions";

export const CATEGORIES_HEADING = "point-categories-heading";
export const RETIRED_CATEGORIES_HEADING = "retired-categories-heading";
export const NICKNAMES_HEADING = "nicknames-heading";
export const HIDDEN_HEADING = "hidden-pupils-heading";

type Category = { id: string; name: string; description: string; defaultAmount: number; version: number };

function CategoryFields({
  prefix,
  value,
  errors,
  category,
}: {
  prefix: string;
  value: (n: string, f?: string) => string;
  errors: (n: string) => string[] | undefined;
  category?: Category;
}) {
  return (
    <>
      <TextInput
        id={`${prefix}-name`}
        name="name"
        label="Name"
        defaultValue={value("name", category?.name ?? "")}
        errors={errors("name")}
        maxLength={40}
      />
      <TextInput
        id={`${prefix}-description`}
        name="description"
        label="What earns it"
        hint="Pupils read this, so say it in their words."
        defaultValue={value("description", category?.description ?? "")}
        errors={errors("description")}
        maxLength={200}
      />
      <TextInput
        id={`${prefix}-amount`}
        name="defaultAmount"
        type="number"
        inputMode="numeric"
        min={-10}
        max={10}
        label="Usual points"
        hint="Above 0 gives points; below 0 (like -1) takes them away."
        defaultValue={value("defaultAmount", category ? String(category.defaultAmount) : "1")}
        errors={errors("defaultAmount")}
      />
    </>
  );
}

export function AddCategoryForm() {
  const { state, formAction, value, errors, key } = useForm(addPointCategoryAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Add a category">
      <FormMessage state={state} />
      <div key={key} className="space-y-4">
        <CategoryFields prefix="new-category" value={value} errors={errors} />
      </div>
      <SubmitButton>Add category</SubmitButton>
    </form>
  );
}

export function EditCategoryForm({ category }: { category: Category }) {
  const { state, formAction, value, errors, key } = useForm(updatePointCategoryAction);
  return (
    <details className="w-full">
      <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-lg px-3 font-semibold text-accent underline-offset-4 hover:underline">
        Change<span className="sr-only"> {category.name}</span>…
      </summary>
      <form action={formAction} className="mt-2 space-y-3" noValidate aria-label={`Change ${category.name}`}>
        <FormMessage state={state} />
        <input type="hidden" name="categoryId" value={category.id} />
        <input type="hidden" name="version" value={category.version} />
        <div key={key} className="space-y-3">
          <CategoryFields prefix={`edit-${category.id}`} value={value} errors={errors} category={category} />
        </div>
        <SubmitButton>Save category</SubmitButton>
      </form>
    </details>
  );
}

export function RetireCategoryForm({ categoryId, name }: { categoryId: string; name: string }) {
  return (
    <ConfirmedRemoveForm
      action={retirePointCategoryAction}
      focusId={CATEGORIES_HEADING}
      field={{ name: "categoryId", value: categoryId }}
      verb="Retire"
      openerLabel={`Retire ${name}…`}
      title={`Retire ${name}?`}
      description="Nobody can give it any more. Points already given keep it, and you can bring it back later."
    />
  );
}

export function RestoreCategoryForm({ categoryId, name }: { categoryId: string; name: string }) {
  const { state, formAction } = useForm(useAnnouncedAction(restorePointCategoryAction, RETIRED_CATEGORIES_HEADING));
  return (
    <form action={formAction}>
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="categoryId" value={categoryId} />
      <Button type="submit" variant="secondary" aria-label={`Bring back ${name}`}>
        Bring back
      </Button>
    </form>
  );
}

type Settings = {
  version: number;
  mentorsMayAward: boolean;
  mentorWeeklyLimit: number;
  board: { measure: "EARNED" | "NET"; nameStyle: "FIRST_NAME_INITIAL" | "NICKNAME" | "INITIALS" };
  attendance: { categoryId: string } | null;
  onTime: { categoryId: string } | null;
};

export function PointSettingsForm({
  settings,
  categories,
}: {
  settings: Settings;
  categories: { id: string; name: string; defaultAmount: number }[];
}) {
  const { state, formAction, value, errors, key } = useForm(savePointSettingsAction);
  const ruleOptions = categories.filter((c) => c.defaultAmount > 0).map((c) => ({ value: c.id, label: `${c.name} (+${c.defaultAmount})` }));
  return (
    <form action={formAction} className="space-y-5" noValidate aria-label="Points settings">
      <FormMessage state={state} />
      <input type="hidden" name="version" value={settings.version} />
      <div key={key} className="space-y-5">
        <RadioGroup
          name="pupilBoardMeasure"
          legend="What pupil boards rank"
          defaultValue={value("pupilBoardMeasure", settings.board.measure)}
          errors={errors("pupilBoardMeasure")}
          options={[
            { value: "EARNED", label: "Points earned (recommended): points taken away never show" },
            { value: "NET", label: "Totals, with anyone below zero shown as 0" },
          ]}
        />
        <RadioGroup
          name="boardNameStyle"
          legend="How names show on pupil boards"
          defaultValue={value("boardNameStyle", settings.board.nameStyle)}
          errors={errors("boardNameStyle")}
          options={[
            { value: "FIRST_NAME_INITIAL", label: "First name and initial (Maya P.)" },
            { value: "NICKNAME", label: "A nickname the pupil asks for and staff approve (initials until then)" },
            { value: "INITIALS", label: "Initials only (M. P.)" },
          ]}
        />
        <RadioGroup
          name="mentorsMayAward"
          legend="May mentors give points to their own mentees?"
          defaultValue={value("mentorsMayAward", settings.mentorsMayAward ? "yes" : "no")}
          errors={errors("mentorsMayAward")}
          inline
          options={[
            { value: "no", label: "No" },
            { value: "yes", label: "Yes" },
          ]}
        />
        <TextInput
          id="mentorWeeklyLimit"
          name="mentorWeeklyLimit"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          label="Points each mentor may give a week"
          defaultValue={value("mentorWeeklyLimit", String(settings.mentorWeeklyLimit))}
          errors={errors("mentorWeeklyLimit")}
        />
        <Select
          id="attendanceCategoryId"
          name="attendanceCategoryId"
          label="Automatic points for coming to a session"
          hint="Given once to each pupil marked as there, when the session is logged. Sessions before today are not counted."
          placeholder="Off"
          defaultValue={value("attendanceCategoryId", settings.attendance?.categoryId ?? "")}
          errors={errors("attendanceCategoryId")}
          options={ruleOptions}
        />
        <Select
          id="onTimeCategoryId"
          name="onTimeCategoryId"
          label="Automatic points for a mentor who logs a session on time"
          hint="On time means before it would show as “not logged” on your to-do list."
          placeholder="Off"
          defaultValue={value("onTimeCategoryId", settings.onTime?.categoryId ?? "")}
          errors={errors("onTimeCategoryId")}
          options={ruleOptions}
        />
      </div>
      <SubmitButton>Save settings</SubmitButton>
    </form>
  );
}

export function NicknameDecisionForm({ studentId, nickname, pupilName }: { studentId: string; nickname: string; pupilName: string }) {
  const { state, formAction } = useForm(useAnnouncedAction(decideNicknameAction, NICKNAMES_HEADING));
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" aria-label={`Nickname for ${pupilName}`}>
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="studentId" value={studentId} />
      <input type="hidden" name="nickname" value={nickname} />
      <Button type="submit" name="decision" value="approve" aria-label={`Approve “${nickname}” for ${pupilName}`}>
        Approve
      </Button>
      <Button type="submit" name="decision" value="reject" variant="secondary" aria-label={`Turn down “${nickname}” for ${pupilName}`}>
        Turn down
      </Button>
    </form>
  );
}

/** Hiding a pupil from pupil boards needs a staff-only reason; showing them again is one button. */
export function HidePupilForm({ studentId, isHidden }: { studentId: string; isHidden: boolean }) {
  const { state, formAction, value, errors, key } = useForm(setPupilHiddenAction);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={isHidden ? "Show on pupil boards" : "Hide from pupil boards"}>
      <FormMessage state={state} />
      <input type="hidden" name="studentId" value={studentId} />
      <input type="hidden" name="hidden" value={isHidden ? "no" : "yes"} />
      {isHidden ? null : (
        <div key={key}>
          <TextInput
            id="hide-reason"
            name="reason"
            label="Why? (staff only)"
            defaultValue={value("reason")}
            errors={errors("reason")}
            maxLength={200}
          />
        </div>
      )}
      <SubmitButton variant="secondary">{isHidden ? "Show on pupil boards again" : "Hide from pupil boards"}</SubmitButton>
    </form>
  );
}
