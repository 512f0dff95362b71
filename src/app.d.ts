// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/auth/session';
import type { Session } from '$lib/server/db/schema';
import type { KeptRender } from '$lib/server/kept-pages/lesson';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** The session's expiry moved: this answer sends its cookie again (auth/session.ts). */
			sessionRenewed?: boolean;
			/** Set only while a page is rendered to be kept (kept-pages/): its data, slots marked. */
			keptRender?: KeptRender;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
