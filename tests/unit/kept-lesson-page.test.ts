import type { RequestEvent } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The lesson page's data is the load's own function (tested with the page end to end); here only what the kept
// page makes of it: which views may be kept, and what the key holds and leaves out.
const state = vi.hoisted(() => ({ completed: false, fail: false, opened: 'tok' }));
vi.mock('$lib/server/lessons/page', () => ({
	lessonPageData: async () => {
		if (state.fail) throw new Error('locked');
		return {
			course: { slug: 'c', title: 'Kurs' },
			lesson: { slug: 'l', title: 'Lekcja' },
			html: '<p>treść</p>',
			headings: [],
			completed: state.completed,
			opened: state.opened
		};
	}
}));
const { LESSON_ROUTE, lessonPageToKeep } = await import('$lib/server/kept-pages/lesson');
const { forgetKeptPages, slotMark } = await import('$lib/server/kept-pages/store');
const { answerFromKeptPages } = await import('$lib/server/kept-pages');

type Init = { method?: string; path?: string; data?: boolean; role?: string; name?: string; renewed?: boolean };
function view(init: Init = {}) {
	const url = new URL(init.path ?? '/courses/c/l', 'http://localhost');
	return {
		request: new Request(url, { method: init.method ?? 'GET' }),
		route: { id: LESSON_ROUTE },
		params: { course: 'c', lesson: 'l' },
		url,
		isDataRequest: init.data ?? false,
		locals: {
			user: init.role === 'none' ? null : { id: 'u', name: init.name ?? 'Ala', role: init.role ?? 'learner' },
			session: { id: 's' },
			sessionRenewed: init.renewed ?? false
		}
	} as unknown as RequestEvent;
}

beforeEach(() => Object.assign(state, { completed: false, fail: false, opened: 'tok' }));

describe('the kept lesson page', () => {
	it('keys a view by its state and role, never by the name or the signed field', async () => {
		const ala = (await lessonPageToKeep(view(), 'pl'))!;
		state.opened = 'other';
		const ola = (await lessonPageToKeep(view({ name: 'Ola' }), 'pl'))!;
		expect(ola.key).toBe(ala.key);
		expect(ala.slots).toEqual({ name: 'Ala', opened: 'tok' });
		expect(ola.slots).toEqual({ name: 'Ola', opened: 'other' });
		expect(ala.key).not.toMatch(/Ala|tok|treść/);
		expect(ala.render.layout.user!.name).toBe(slotMark('name'));
		expect(ala.render.page.opened).toBe(slotMark('opened'));
		expect(ala.render.page.html).toBe('<p>treść</p>');
		expect((await lessonPageToKeep(view({ role: 'trainer' }), 'pl'))!.key).not.toBe(ala.key);
		expect((await lessonPageToKeep(view(), 'en'))!.key).not.toBe(ala.key);
		state.completed = true;
		expect((await lessonPageToKeep(view(), 'pl'))!.key).not.toBe(ala.key);
	});

	it('leaves every other view to the page: no session, a renewal, a query, a POST, data, another spelling', async () => {
		for (const init of [
			{ role: 'none' },
			{ renewed: true },
			{ path: '/courses/c/l?x=1' },
			{ method: 'POST' },
			{ method: 'HEAD' },
			{ data: true },
			{ path: '/courses/%63/l' }
		])
			expect(await lessonPageToKeep(view(init), 'pl'), JSON.stringify(init)).toBeNull();
		const other = { ...view(), route: { id: '/(app)/courses/[course]' } } as RequestEvent;
		expect(await lessonPageToKeep(other, 'pl')).toBeNull();
		state.fail = true;
		expect(await lessonPageToKeep(view(), 'pl')).toBeNull();
	});
});

describe('answering from the kept pages', () => {
	// What SvelteKit's render makes of the data the hook hands over: the name and the field where the page has them.
	function renderer() {
		const calls: RequestEvent[] = [];
		const resolve = (event: RequestEvent) => {
			calls.push(event);
			const { layout, page } = event.locals.keptRender ?? { layout: { user: { name: 'UNMARKED' } }, page: {} };
			const form = page.completed ? '' : `<input name="opened" value="${page.opened}">`;
			return new Response(`<p>${layout.user!.name}</p>${form}`, { headers: { 'content-type': 'text/html' } });
		};
		return { calls, resolve };
	}

	it('renders a state once, marked, and answers the next view from memory with its own values', async () => {
		forgetKeptPages();
		const { calls, resolve } = renderer();
		const first = await answerFromKeptPages(view(), resolve, 'pl');
		expect(await first.text()).toBe('<p>Ala</p><input name="opened" value="tok">');
		expect(calls).toHaveLength(1);
		expect(calls[0].locals.keptRender!.page.opened).toBe(slotMark('opened'));
		state.opened = 'tok2';
		const second = view({ name: 'Ola & syn' });
		const again = await answerFromKeptPages(second, resolve, 'pl');
		expect(await again.text()).toBe('<p>Ola &#38; syn</p><input name="opened" value="tok2">');
		expect(calls).toHaveLength(1);
		expect(second.locals.keptRender).toBeUndefined();
		// A completed lesson's page has no field: its render is kept with the name alone.
		state.completed = true;
		expect(await (await answerFromKeptPages(view(), resolve, 'pl')).text()).toBe('<p>Ala</p>');
		expect(await (await answerFromKeptPages(view({ name: 'Ola' }), resolve, 'pl')).text()).toBe('<p>Ola</p>');
		expect(calls).toHaveLength(2);
	});

	it('passes every other request to the render untouched', async () => {
		forgetKeptPages();
		const { calls, resolve } = renderer();
		const renewing = view({ renewed: true });
		expect(await (await answerFromKeptPages(renewing, resolve, 'pl')).text()).toContain('UNMARKED');
		expect(renewing.locals.keptRender).toBeUndefined();
		expect(calls).toHaveLength(1);
	});
});
