import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { trainingBySlug } from '$lib/server/trainings/catalogue';
import { cancelByToken, cancellable, registrationByCancelToken } from '$lib/server/trainings/registrations';
import type { Actions, PageServerLoad } from './$types';

// No account: the token in the confirmation mail is the person's key to their own registration. Opening the link
// changes nothing (mail scanners open links); the button does.
function lookUp(slug: string, token: string) {
	const training = trainingBySlug(slug);
	const reg = training ? registrationByCancelToken(token) : undefined;
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
		cancellable: cancellable(reg)
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		lookUp(event.params.slug, event.params.token);
		const result = cancelByToken(event.params.token, { origin: event.url.origin });
		return { cancelled: result.ok };
	}
} satisfies Actions;
