import { error, redirect } from '@sveltejs/kit';
import { requireApiUser } from '$lib/server/auth/guards';
import { findOwned } from '$lib/server/certificates/queries';
import { credentialFileName, signedCredentialFor } from '$lib/server/credentials';
import type { RequestHandler } from './$types';

// The certificate as an Open Badges 3.0 credential. Like the PDF: only the owner, only once the name is confirmed.
export const GET = (async (event) => {
	const user = requireApiUser(event);
	const cert = findOwned(event.params.id, user.id);
	if (!cert) error(404, { message: 'not found' });
	if (cert.revokedAt || cert.replacedById) error(410, { message: 'revoked' });
	if (!cert.nameConfirmedAt) redirect(303, `/certificates#confirm-${cert.id}`);
	const credential = await signedCredentialFor(cert, event.url.origin, user.id);
	return new Response(JSON.stringify(credential, null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="${credentialFileName(cert)}"`,
			'Cache-Control': 'private, no-store'
		}
	});
}) satisfies RequestHandler;
