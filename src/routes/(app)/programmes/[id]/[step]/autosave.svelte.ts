import { formatTime } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import type { ProgrammeContent } from '$lib/programmes/model';

export type Conflict = { version: number; content: ProgrammeContent };

/** What the autosave needs from the page when a save's turn comes. */
export type AutosaveSource = {
	id: string;
	step: string;
	/** The version the page holds: the last saved one, else the stored one. */
	version: number;
	form: HTMLFormElement | undefined;
	/** Viewing only, or a refusal is shown: nothing is saved. */
	blocked: boolean;
};

/**
 * With JavaScript: every change is saved after a short pause, with the version the page holds; the answer gives
 * the next version. A refused save (409) stops autosaving and shows the current text.
 */
export class Autosave {
	savedVersion = $state<number | null>(null);
	live = $state<{ ready: boolean; missing: string[] } | null>(null);
	conflict = $state<Conflict | null>(null);
	errors = $state<Record<string, string>>({});
	status = $state('');
	#source: () => AutosaveSource;
	#timer: ReturnType<typeof setTimeout> | undefined;
	// One save at a time, in order: each reads the form and the version when its turn comes, so a tab never
	// refuses its own save as based on an older version.
	#chain: Promise<void> = Promise.resolve();

	constructor(source: () => AutosaveSource) {
		this.#source = source;
	}

	/** A reload of the page's data (a form save, "add a row") brings the stored version and clears a refusal. */
	reset() {
		this.savedVersion = null;
		this.live = null;
		this.conflict = null;
	}

	/** Sends the form now; true when it was stored (or there was nothing to store). */
	async saveNow({ keepalive = false } = {}): Promise<boolean> {
		const { id, step, version, form, blocked } = this.#source();
		if (!form || blocked) return true;
		const fields = [...new FormData(form).entries()].filter(
			([k, val]) => typeof val === 'string' && k !== 'version' && k !== 'add'
		);
		this.status = m.programmes_autosave_saving();
		const request = JSON.stringify({ step, version, fields });
		try {
			const res = await fetch(`/programmes/${id}/save`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: request,
				// Leaving the page: the request outlives it (a closed tab, a link elsewhere). Browsers cap such a
				// request at 64 kB; a larger step goes as a normal request, which a closing tab may cut off.
				keepalive: keepalive && request.length < 60_000
			});
			const body = await res.json();
			if (res.ok) {
				this.savedVersion = body.version;
				this.live = { ready: body.ready, missing: body.missing ?? [] };
				this.errors = {};
				this.status = m.programmes_autosave_saved({ time: formatTime(body.savedAt) });
				return true;
			} else if (res.status === 409) {
				this.conflict = body.conflict;
				this.status = body.error;
			} else {
				this.errors = body.errors ?? {};
				this.status = body.error ?? m.programmes_autosave_failed();
			}
		} catch {
			this.status = m.programmes_autosave_failed();
		}
		return false;
	}

	/** Queue a save after the ones already waiting; resolves to whether it was stored. */
	save(): Promise<boolean> {
		const saved = this.#chain.then(() => this.saveNow());
		this.#chain = saved.then(() => undefined);
		return saved;
	}

	/** A field changed: save after a short pause, unless it changes again. */
	changed = () => {
		clearTimeout(this.#timer);
		// Fire and forget: saveNow reports its own failures in the status line, so the chain never rejects.
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			void this.save();
		}, 800);
	};

	/** A change typed in the last pause is not sent yet (leaving now would lose it). */
	get pending() {
		return this.#timer !== undefined;
	}

	/** The button saves what autosave was about to: no pending autosave; resolves when queued saves are done. */
	flush() {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		return this.#chain;
	}

	/** Leaving to another step or page: the pending change is saved first; resolves to whether it was stored. */
	saveBeforeLeaving(): Promise<boolean> {
		if (!this.pending) return this.#chain.then(() => true);
		clearTimeout(this.#timer);
		this.#timer = undefined;
		return this.save();
	}

	/**
	 * The page is going away (tab closed, hidden on a phone): the pending change goes in a request that outlives
	 * it, after any save still under way (with its version, so the tab does not refuse its own save).
	 */
	saveOnUnload() {
		if (!this.pending) return;
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#chain = this.#chain.then(() => this.saveNow({ keepalive: true }).then(() => undefined));
	}
}
