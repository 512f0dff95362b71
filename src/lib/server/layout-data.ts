import { getLocale } from '../paraglide/runtime';
import type { SessionUser } from './auth/session';
import { institutionName } from './institution';

// The institution's name is set by the environment at start, the same for every request: read once.
const institution = institutionName();

/** What every page's header and footer show (the root layout's data): only that, each page guards its own. */
export function layoutData(user: SessionUser | null) {
	return { user: user ? { name: user.name, role: user.role } : null, locale: getLocale(), institution };
}

export type LayoutData = ReturnType<typeof layoutData>;
