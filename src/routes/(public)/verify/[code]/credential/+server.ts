import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { normalizeCode } from '$lib/server/certificates/code';
import { findByCode } from '$lib/server/certificates/queries';
import { takeVerifyLookup } from '$lib/server/certificates/throttle';
import { credentialFileName, signedCredentialFor } from '$lib/server/credentials';
import type { RequestHandler } from './$types';

// Public, no guard, throttled like /verify/<code> (with a budget of its own): the valid certificate's signed credential (the same file its
// owner downloads), which is also the credential's `id`. Only once the owner confirmed the printed name.
export const GET = (async (event) => {
	const wait = takeVerifyLookup(event.getClientAddress(), Date.now(), 'badge');
	if (wait > 0) error(429, { message: m.verify_throttled({ minutes: Math.ceil(wait / 60_000) }) });
	const code = normalizeCode(event.params.code);
	if (!code) error(404, { message: m.verify_not_found() });
	if (code !== event.params.code) redirect(308, `/verify/${code}/credential`);
	const cert = findByCode(code);
	if (!cert || !cert.nameConfirmedAt || !cert.nameAsPrinted) error(404, { message: m.verify_not_found() });
	if (cert.revokedAt || cert.replacedById) error(410, { message: m.badge_revoked() });
	const credential = await signedCredentialFor(cert, event.url.origin, null);
	return new Response(JSON.stringify(credential, null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="${credentialFileName(cert)}"`,
			'Cache-Control': 'no-cache',
			'X-Robots-Tag': 'noindex'
		}
	});
}) satisfies RequestHandler;
