import { layoutData } from '$lib/server/layout-data';
import type { LayoutServerLoad } from './$types';

// A page rendered to be kept (kept-pages/lesson.ts) comes with its data, slots marked.
export const load = (({ locals }) => locals.keptRender?.layout ?? layoutData(locals.user)) satisfies LayoutServerLoad;
