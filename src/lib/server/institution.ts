// The one name of the institution that runs Akademia: in the header, in mail, on certificates and in the
// accessibility statement. INSTITUTION_NAME sets it; CERT_ISSUER, its older name, still works.

export const DEFAULT_INSTITUTION = 'Akademia współpracy międzynarodowej samorządów';

export function institutionName(): string {
	return process.env.INSTITUTION_NAME?.trim() || process.env.CERT_ISSUER?.trim() || DEFAULT_INSTITUTION;
}

/** Where people write to the institution: CONTACT_EMAIL, else the address mail comes from (MAIL_FROM), or ''. */
export function contactEmail(env: Record<string, string | undefined> = process.env): string {
	const from = env.CONTACT_EMAIL?.trim() || env.MAIL_FROM?.trim() || '';
	return /<([^>]+)>/.exec(from)?.[1] ?? from;
}
