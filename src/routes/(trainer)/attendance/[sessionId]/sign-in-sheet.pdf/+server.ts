import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireApiUser } from '$lib/server/auth/guards';
import { sessionForMarking } from '$lib/server/groups/attendance';
import { trainingOfSession } from '$lib/server/trainings/catalogue';
import { signInSheetPdf } from '$lib/server/trainings/pdf';
import { sheetPeople, sheetSessionLabel } from '$lib/server/trainings/sheet';
import type { RequestHandler } from './$types';
import { formatDateTimeFull } from '$lib/format';

// The same access as the attendance page: the group's trainers and admins.
export const GET = (async (event) => {
	const user = requireApiUser(event, 'trainer', 'admin');
	const found = sessionForMarking(user, event.params.sessionId);
	if (!found.ok) error(found.reason === 'missing' ? 404 : 403, { message: found.reason });
	const { session, group } = found;
	const training = trainingOfSession(session.id)?.training;
	const pdf = await signInSheetPdf(
		{
			title: training?.title ?? group.name,
			session: sheetSessionLabel(training?.title, session.title),
			when: formatDateTimeFull(session.startsAt),
			place: session.place,
			people: sheetPeople(session.id, group.id),
			labels: {
				sheet: m.training_sheet_title(),
				no: m.training_sheet_no(),
				name: m.training_sheet_name(),
				office: m.training_sheet_office(),
				signature: m.training_sheet_signature()
			}
		},
		session.startsAt
	);
	return new Response(pdf as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="lista-obecnosci-${session.id}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
}) satisfies RequestHandler;
