import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { findById, shownCourseTitle, statusOf } from '$lib/server/certificates/queries';
import { verifyCode } from '$lib/server/certificates/verify';
import type { PageServerLoad } from './$types';

// Public, no guard: shows only what the certificate itself shows, nothing else about the person.
export const load = ((event) => {
	const found = verifyCode(event.getClientAddress(), event.params.code);
	if (found.kind === 'throttled')
		error(429, { message: m.verify_throttled({ minutes: Math.ceil(found.waitMs / 60_000) }) });
	event.setHeaders({ 'X-Robots-Tag': 'noindex' });
	if (found.kind === 'redirect') redirect(308, `/verify/${found.code}`);
	if (found.kind === 'missing') error(404, { message: m.verify_not_found() });
	const { cert } = found;
	const replacement = cert.replacedById ? findById(cert.replacedById) : undefined;
	return {
		code: cert.code,
		status: statusOf(cert),
		name: cert.nameAsPrinted,
		courseTitle: shownCourseTitle(cert, getLocale()),
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
