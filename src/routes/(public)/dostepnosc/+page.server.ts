import { accessibilityStatement } from '$lib/server/accessibility';
import type { PageServerLoad } from './$types';

// Public by design (the law wants the statement reachable without signing in), so no guard.
export const load = (() => accessibilityStatement()) satisfies PageServerLoad;
