import { isIsoDate, type IsoDate } from "@/lib/dates";

export const SECURITY_EVENTS_PAGE_SIZE = 50;
/** The most rows one CSV export holds. */
export const SECURITY_EVENTS_EXPORT_LIMIT = 10_000;

export type SecurityEventFilters = { personId?: string; from?: IsoDate; to?: IsoDate; page?: number };

/** Filters from a URL anyone can type: unknown dates are ignored, a page below 1 is the first. */
export function securityEventFilters(params: Record<string, string | string[] | undefined>): SecurityEventFilters {
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  const date = (v: string | undefined) => (v && isIsoDate(v) ? v : undefined);
  const page = Number(one(params.page));
  const personId = one(params.person);
  return {
    personId: personId && /^[A-Za-z0-9_-]{1,40}$/.test(personId) ? personId : undefined,
    from: date(one(params.from)),
    to: date(one(params.to)),
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}
