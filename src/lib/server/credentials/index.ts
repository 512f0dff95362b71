// What routes call: the signed credential of a certificate, the issuer's DID document, a status list.
import { getCourse } from '../content';
import type { Certificate } from '../db/schema';
import { buildCredential } from './credential';
import { signCredential } from './sign';
import { statusEntryFor } from './status';

export { didDocument } from './issuer';
export { statusListCredential, statusListExists } from './status';

/**
 * The signed OpenBadgeCredential of a valid certificate. The proof's date is the issue date, so the same
 * certificate gives the same file on every download (like its PDF). `actorId`: who asked (null: the public).
 */
export async function signedCredentialFor(cert: Certificate, origin: string, actorId: string | null) {
	const entry = statusEntryFor(cert, actorId);
	const signed = await signCredential(
		buildCredential(cert, getCourse(cert.courseSlug), origin, entry),
		origin,
		cert.issuedAt
	);
	// A proof set of one: 1EdTech's Open Badges JSON Schema wants `proof` as an array (the VC model allows both).
	return { ...signed, proof: [signed.proof] };
}

/** The download's file name. */
export function credentialFileName(cert: Pick<Certificate, 'code'>): string {
	return `zaswiadczenie-${cert.code}.credential.json`;
}

/** Answer headers for documents that verifiers anywhere fetch (public, any origin may read them). */
export const PUBLIC_JSON_HEADERS = {
	'Content-Type': 'application/json; charset=utf-8',
	'Access-Control-Allow-Origin': '*'
} as const;
