import { createContext, useContext } from "react";

/** Set by entry.server; empty in the browser, where React does not need it. */
export const NonceContext = createContext("");
export const useNonce = () => useContext(NonceContext);
