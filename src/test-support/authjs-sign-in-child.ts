// `tsx src/test-support/authjs-sign-in-child.ts '<json>'`: one Auth.js sign-in (authjs-sign-in.ts) in a
// process of its own, printing the result as JSON, so a test can start it with NODE_EXTRA_CA_CERTS set
// the way the app is started (Node reads that variable only at start-up).
import { authConfigFor, signInWithAuthJs, type AuthJsProviders } from "./authjs-sign-in";

type Request = { providers: AuthJsProviders; app: string; providerId: string; login: string };

async function main() {
  const { providers, app, providerId, login } = JSON.parse(process.argv[2] ?? "") as Request;
  const errors: string[] = [];
  const config = authConfigFor(providers, (error) =>
    errors.push(`${error.message} ${String((error.cause as { err?: unknown })?.err ?? "")}`),
  );
  const result = await signInWithAuthJs(config, app, providerId, login);
  console.log(JSON.stringify({ ...result, errors }));
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
