/**
 * Node's ICU writes thin and narrow no-break spaces where Chromium writes plain ones ("Nov 2 – Dec 1",
 * "9:00 AM"): a client component rendered on the server would then differ from its hydration, and
 * React re-renders the page, losing what the person typed or clicked meanwhile. Every date or
 * number a client component can show goes through this; plain spaces are what browsers show anyway.
 */
export const plainSpaces = (text: string) => text.replace(/[\u2009\u202f]/g, " ");
