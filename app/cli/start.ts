/** npm start (and npm run dev): the entry point of the server. */
import { runCli } from "./run.ts";
import { serve } from "./serve.ts";

await runCli(async () => void (await serve()), { serving: true });
