// Rendered lesson bodies, kept on the server by $lib/server/lessons/render.ts and read by the lesson page while
// it renders there. The lesson page does not hydrate (csr = false), yet SvelteKit still serialises its whole page
// data (devalue) into a script it then leaves out: a lesson body of tens of kB escaped character by character on
// every view was the largest single cost of the page (docs/PERFORMANCE.md). So the page data of a server render
// carries only the body's key, and the page takes the body from here. In the browser this map stays empty: a
// client-side navigation to a lesson (__data.json) gets the body itself in its data.
const bodies = new Map<string, string>();

/** The body rendered under `key`, or '' if the server has none (never in the browser). */
export function lessonBody(key: string): string {
	return bodies.get(key) ?? '';
}

/** Server only: called by the lesson renderer once per content file and language. */
export function keepLessonBody(key: string, html: string) {
	bodies.set(key, html);
}
