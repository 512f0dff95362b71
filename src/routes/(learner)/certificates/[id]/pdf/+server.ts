import { error, redirect } from '@sveltejs/kit';
import { requireApiUser } from '$lib/server/auth/guards';
import { printCertificate } from '$lib/server/certificates/print';
import { findOwned } from '$lib/server/certificates/queries';
import type { RequestHandler } from './$types';

// Only the owner downloads; anyone else gets 404, as if the certificate did not exist.
export const GET = (async (event) => {
	const user = requireApiUser(event);
	const cert = findOwned(event.params.id, user.id);
	if (!cert) error(404, { message: 'not found' });
	if (cert.revokedAt) error(410, { message: 'revoked' });
	// The learner checks the spelling of their name before the first download.
	if (!cert.nameConfirmedAt) redirect(303, `/certificates#confirm-${cert.id}`);
	const pdf = await printCertificate(cert, event.url.origin);
	return new Response(pdf as Uint8Array<ArrayBuffer>, {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="zaswiadczenie-${cert.code}.pdf"`,
			'Content-Length': String(pdf.length),
			'Cache-Control': 'private, no-store'
		}
	});
}) satisfies RequestHandler;
