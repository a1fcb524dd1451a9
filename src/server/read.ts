import "server-only";

export const PAGE_SIZE = 25;

/** Pages past this are not real pages of a school's lists; a typed URL with a huge number gets page 1. */
const LAST_PAGE = 100_000;

export function pageOf(page: number | undefined): { skip: number; take: number; page: number } {
  const current = Number.isSafeInteger(page) && page! > 0 && page! <= LAST_PAGE ? page! : 1;
  return { skip: (current - 1) * PAGE_SIZE, take: PAGE_SIZE, page: current };
}

/**
 * A case-insensitive "contains" for a search term. Prisma passes `contains` to LIKE without escaping
 * its wildcards, so a search for "%" or "_" would match everything: escape them (and the escape).
 */
export function textContaining(term: string) {
  return { contains: term.replace(/[\\%_]/g, (c) => `\\${c}`), mode: "insensitive" as const };
}
