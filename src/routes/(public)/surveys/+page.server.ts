import { listOpenSurveys } from '$lib/server/surveys/public';
import type { PageServerLoad } from './$types';

// Public: the list of surveys anyone may see; answering may still need a token link.
export const load = (() => ({ surveys: listOpenSurveys() })) satisfies PageServerLoad;
