import { m } from '$lib/paraglide/messages';
import type { FormMessages } from '$lib/server/trainings/admin-form';

/** The organiser forms' messages in the request's language. */
export function formMessages(): FormMessages {
	return {
		courseRequired: m.training_admin_course_required(),
		whenInvalid: m.training_admin_when_invalid(),
		placeOrLink: m.training_admin_place_or_link(),
		seatsInvalid: m.training_admin_seats_invalid(),
		urlInvalid: m.training_admin_url_invalid(),
		endBeforeStart: m.training_admin_end_before_start(),
		programmeLine: (line) => m.training_admin_programme_line({ line })
	};
}
