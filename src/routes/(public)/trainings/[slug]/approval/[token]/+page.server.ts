import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { trainingBySlug } from '$lib/server/trainings/catalogue';
import { decideApproval, registrationByApprovalToken } from '$lib/server/trainings/registrations';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// No account: the superior's token in the mail is the key. Opening the link decides nothing; a button does.
function lookUp(slug: string, token: string) {
	const training = trainingBySlug(slug);
	const reg = training ? registrationByApprovalToken(token) : undefined;
	if (!training || !reg || reg.trainingId !== training.id) error(404, { message: m.training_link_invalid() });
	return { training, reg };
}

export const load = (({ params, setHeaders }) => {
	setHeaders({ 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'private, no-store' });
	const { training, reg } = lookUp(params.slug, params.token);
	return {
		title: training.title,
		slug: training.slug,
		name: `${reg.firstName} ${reg.lastName}`,
		office: reg.office,
		pending: reg.status === 'pending_approval'
	};
}) satisfies PageServerLoad;

function decide(event: RequestEvent, approve: boolean) {
	lookUp(event.params.slug, event.params.token);
	const result = decideApproval(event.params.token, approve, { origin: event.url.origin });
	return { decided: result.ok ? (result.status ?? null) : null };
}

export const actions = {
	approve: (event) => decide(event, true),
	decline: (event) => decide(event, false)
} satisfies Actions;
