/** Staff lists and a pupil's own card: the name the pupil goes by, and their surname. */
export function pupilFullName(pupil: { preferredName: string | null; legalFirstName: string; legalLastName: string }): string {
  return `${pupil.preferredName?.trim() || pupil.legalFirstName} ${pupil.legalLastName}`;
}
