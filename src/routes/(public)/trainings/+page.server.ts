import { upcomingTrainings } from '$lib/server/trainings/catalogue';
import type { PageServerLoad } from './$types';

// Public by design: the invitation is for anyone in a local government office, no account needed.
export const load = (() => ({ trainings: upcomingTrainings() })) satisfies PageServerLoad;
