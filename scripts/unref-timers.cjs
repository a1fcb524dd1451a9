// Preloaded into Prisma CLI processes: the wasm schema engine leaves a long timer that keeps the
// process alive ~10 s after the command has finished (TOOLCHAIN). Long timers never hold it open.
const original = global.setTimeout;
global.setTimeout = function patched(fn, ms, ...args) {
  const timer = original(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 1000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
