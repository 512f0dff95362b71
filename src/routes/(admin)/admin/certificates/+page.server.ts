import { requireRole } from '$lib/server/auth/guards';
import { searchCertificates, statusOf } from '$lib/server/certificates/queries';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	requireRole(event, 'admin');
	const q = (event.url.searchParams.get('q') ?? '').slice(0, 200);
	const rows = searchCertificates(q).map((c) => ({
		id: c.id,
		code: c.code,
		name: c.nameAsPrinted,
		email: c.email,
		courseTitle: c.courseTitle,
		issuedAt: c.issuedAt,
		status: statusOf(c)
	}));
	return { q, rows };
}) satisfies PageServerLoad;
