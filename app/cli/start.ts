/** npm start (and npm run dev): the entry point of the server. */
import { serve } from "./serve.ts";

serve().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
