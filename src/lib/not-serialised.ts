// Page data that is never serialised, for pages that do not hydrate (csr = false). SvelteKit serialises every
// page's data with devalue into a script for hydration, even when the page sets csr = false and then leaves that
// script out: on the lesson page (a lesson body of tens of kB escaped character by character, its headings and
// links) this was the largest single cost of a view (docs/PERFORMANCE.md). The server render still reads the data
// as usual; only the discarded script gets a placeholder, through the transport hook in src/hooks.ts.
//
// Only for data a browser never decodes: a page that hydrates would get `undefined` for it. A client-side
// navigation to such a page fetches its __data.json, whose data must not be marked (see event.isDataRequest).
const marked = new WeakSet<object>();

/** Marks a load's data as never serialised into the page (returns it unchanged). */
export function notSerialised<T extends object>(data: T): T {
	marked.add(data);
	return data;
}

/** The transporter (src/hooks.ts): a marked value becomes the placeholder 1, its contents are never walked. */
export const notSerialisedTransport = {
	encode: (value: unknown) => typeof value === 'object' && value !== null && marked.has(value) && 1,
	decode: () => undefined
};
