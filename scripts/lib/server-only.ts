// Lets a bench or a CLI script import the app's server modules outside Next, as vitest.config.ts does with an alias:
// the `server-only` package throws unless resolved with the react-server condition, and that condition
// would load React's server build, which the app's other imports (next/navigation) cannot run on.
// Import this first: it maps `server-only` to the package's own empty module for every later require.
import Module from "node:module";
import path from "node:path";

const empty = path.resolve(__dirname, "../../node_modules/server-only/empty.js");
const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  return request === "server-only" ? empty : resolve.call(this, request, ...rest);
};
