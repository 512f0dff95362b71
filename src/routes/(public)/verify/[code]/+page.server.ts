import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { normalizeCode } from '$lib/server/certificates/code';
import { findById, findByCode, statusOf } from '$lib/server/certificates/queries';
import { takeVerifyLookup } from '$lib/server/certificates/throttle';
import type { PageServerLoad } from './$types';

// Public, no guard: shows only what the certificate itself shows, nothing else about the person.
export const load = ((event) => {
	const wait = takeVerifyLookup(event.getClientAddress());
	if (wait > 0) error(429, { message: m.verify_throttled({ minutes: Math.ceil(wait / 60_000) }) });
	event.setHeaders({ 'X-Robots-Tag': 'noindex' });

	const code = normalizeCode(event.params.code);
	if (!code) error(404, { message: m.verify_not_found() });
	if (code !== event.params.code) redirect(308, `/verify/${code}`);
	const cert = findByCode(code);
	if (!cert) error(404, { message: m.verify_not_found() });
	const replacement = cert.replacedById ? findById(cert.replacedById) : undefined;
	return {
		code: cert.code,
		status: statusOf(cert),
		name: cert.nameAsPrinted,
		courseTitle: cert.courseTitle,
		hours: cert.hours,
		completedAt: cert.completedAt,
		issuedAt: cert.issuedAt,
		issuer: cert.issuer,
		revokedAt: cert.revokedAt,
		revokedReason: cert.revokedReason,
		replacementCode: replacement?.code ?? null,
		// The signed Open Badges credential is offered once its owner confirmed the printed name.
		credential: statusOf(cert) === 'valid' && !!cert.nameConfirmedAt && !!cert.nameAsPrinted
	};
}) satisfies PageServerLoad;
