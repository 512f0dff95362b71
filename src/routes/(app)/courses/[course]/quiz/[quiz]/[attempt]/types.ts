// Types only (erased at build): the page components never import server code itself.
export type { PublicQuestion } from '$lib/server/quiz/public-view';
export type { ReviewQuestion } from '$lib/server/quiz/review';
