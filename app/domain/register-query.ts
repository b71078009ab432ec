/** Sort keys of the register list, shared by the route (query parsing) and the model (ordering). */
import { SORTS, type Sort } from "~/schemas/register-sort.ts";
export { SORTS, type Sort };
