import { randomBytes } from 'node:crypto';

// Rendered pages kept in memory and served again, as a reverse proxy's cache would (issue 20; docs/PERFORMANCE.md):
// no load, no render, no serialisation for a request whose page was rendered before. A kept page may have slots,
// values that differ per request and nothing else does (the signed-in person's name, a form's signed field): the
// page is rendered once with a mark in each slot's place (slotMark), kept as the text between the marks, and each
// answer fills the slots with its own values, escaped for HTML. Whoever builds the key (shared.ts, lesson.ts) must
// put in it everything the page's HTML depends on, except the slots.

/** Kept pages at most; the least recently served goes first (a lesson page is ~15 kB: a few MB in all). */
export const MAX_KEPT_PAGES = 300;

type Part = Buffer | { slot: string };
interface Kept {
	parts: Part[];
	headers: [string, string][];
}

const kept = new Map<string, Kept>();

// A mark is a private-use character (no escaping changes it) around a secret of this process and the slot's name:
// text someone typed (a case title on the lesson page) cannot hold a mark, as no answer ever shows one.
const SECRET = randomBytes(9).toString('base64url');
const MARKS = new RegExp(`\u{E000}${SECRET}:([a-z]+)\u{E000}`, 'u');

/** What a slot's value is rendered as, when a page is rendered to be kept. */
export function slotMark(name: string): string {
	if (!/^[a-z]+$/.test(name)) throw new Error(`bad slot name ${name}`);
	return `\u{E000}${SECRET}:${name}\u{E000}`;
}

export function keptPage(key: string, slots: Record<string, string> = {}): Response | null {
	const page = kept.get(key);
	if (!page) return null;
	// Served again: now the most recently used.
	kept.delete(key);
	kept.set(key, page);
	return answer(page, slots);
}

/**
 * Keeps a rendered answer for its key and hands back the one to send, its slots filled. Only a plain 200 page
 * without cookies is kept, and only when each of `slots` is in it exactly once: a slot the render left out would
 * mean its value went in unmarked (a layout showing the name elsewhere), and would be kept for everyone. Anything
 * else (a redirect, an error page, a Set-Cookie) is sent once, slots filled.
 */
export async function keepPage(key: string, response: Response, slots: Record<string, string> = {}): Promise<Response> {
	const hasSlots = Object.keys(slots).length > 0;
	// Without slots there are no marks to fill: a page that is not kept goes out as it came.
	if (!hasSlots && !keepable(response)) return response;
	// A page with slots differs per answer: no ETag, one tag would stand for different bodies (each answer states
	// its own length, answer()).
	const headers = [...response.headers].filter(([name]) => !(hasSlots && name === 'etag'));
	const page = { parts: split(await response.text()), headers };
	if (keepable(response) && eachSlotOnce(page.parts, slots)) {
		kept.set(key, page);
		if (kept.size > MAX_KEPT_PAGES) kept.delete(kept.keys().next().value!);
	}
	return answer(page, slots, response.status);
}

function keepable(response: Response): boolean {
	return (
		response.status === 200 &&
		!response.headers.has('set-cookie') &&
		(response.headers.get('content-type') ?? '').startsWith('text/html')
	);
}

function eachSlotOnce(parts: Part[], slots: Record<string, string>): boolean {
	const found = parts.flatMap((part) => ('slot' in part ? [part.slot] : [])).sort();
	return found.join() === Object.keys(slots).sort().join();
}

function split(html: string): Part[] {
	const pieces = html.split(MARKS);
	// split() with a capture group: text, slot name, text, slot name, ..., text.
	return pieces.map((piece, i) => (i % 2 === 1 ? { slot: piece } : Buffer.from(piece)));
}

function answer(page: Kept, slots: Record<string, string>, status = 200): Response {
	const chunks = page.parts.map((part) =>
		'slot' in part ? Buffer.from(escapeHtml(Object.hasOwn(slots, part.slot) ? slots[part.slot] : '')) : part
	);
	// The kept text goes out as it is, chunk by chunk: a body made of one new buffer was copied twice per answer
	// (the join, then the Response's own copy), ~30 kB of memory outside the heap per lesson view.
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			for (const chunk of chunks) controller.enqueue(chunk);
			controller.close();
		}
	});
	// A fresh Headers per answer: the security-header hook sets its headers on every response.
	const headers = new Headers(page.headers);
	headers.set('content-length', String(chunks.reduce((sum, chunk) => sum + chunk.length, 0)));
	return new Response(body, { status, headers });
}

// Right inside text and inside a quoted attribute alike.
function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** For tests: forget every kept page. */
export function forgetKeptPages() {
	kept.clear();
}
