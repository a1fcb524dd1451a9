/**
 * A Host header's value that is a host name or IP address, with an optional port: what the front
 * server forwards (scripts/lib/front-server.ts) and what Auth.js's route rebuilds its address from.
 */
export const looksLikeHost = (value: string) => /^[a-z0-9.\-_]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(value);
