// The public calendar of one training: its days as events (METHOD:PUBLISH), without the online link.
import { daysOf, trainingBySlug } from './catalogue';
import { buildCalendar } from './ics';
import { trainingEvents } from './mails';

export function publicCalendar(slug: string, origin: string, now = new Date()): string | null {
	const training = trainingBySlug(slug);
	if (!training) return null;
	return buildCalendar(
		'PUBLISH',
		trainingEvents(training, daysOf(training.id), { withOnlineLink: false, origin }),
		now
	);
}
