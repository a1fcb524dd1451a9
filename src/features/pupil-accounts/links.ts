/** The printable codes sheet of one tutor group (a GET route, so it prints again while codes are unused). */
export function codeSheetHref(tutorGroup: string): string {
  return `/staff/pupil-accounts/codes.pdf?${new URLSearchParams({ tutorGroup }).toString()}`;
}

/** The pupil accounts page, at one tutor group. */
export function tutorGroupHref(tutorGroup: string): string {
  return `/staff/pupil-accounts?${new URLSearchParams({ tutorGroup }).toString()}`;
}
