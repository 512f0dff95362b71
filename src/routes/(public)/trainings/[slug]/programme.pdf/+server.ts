import { error } from '@sveltejs/kit';
import { formatDateTimeFull, formatHourMinute } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { programmePdf } from '$lib/server/trainings/pdf';
import { publicTraining } from '$lib/server/trainings/public';
import type { RequestHandler } from './$types';

// Public, like the page it prints.
export const GET = (async ({ params }) => {
	const found = publicTraining(params.slug);
	if (!found) error(404, { message: 'not_found' });
	const t = found.view;
	const pdf = await programmePdf(
		{
			title: t.title,
			place: t.online ? m.training_online_short() : t.place,
			days: t.days.map((d, i) => ({
				heading: m.training_day_heading({ n: i + 1, date: formatDateTimeFull(d.startsAt) }),
				hours: `${formatHourMinute(d.startsAt)}–${formatHourMinute(d.endsAt)}`,
				items: d.programme.map((p) => ({ time: `${p.start}–${p.end}`, topic: p.topic, trainer: p.trainer }))
			})),
			labels: {
				programme: m.training_programme(),
				place: m.training_where(),
				time: m.training_programme_time(),
				topic: m.training_programme_topic(),
				trainer: m.training_programme_trainer()
			}
		},
		found.training.createdAt
	);
	return new Response(pdf as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="program-${t.slug}.pdf"`,
			'cache-control': 'public, max-age=300'
		}
	});
}) satisfies RequestHandler;
