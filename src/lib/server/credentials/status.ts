// Revocation: a Bitstring Status List (W3C) per block of 131,072 certificates, served by the app and signed like
// the credentials. A certificate gets its position the first time its credential is built; its bit is set while
// the certificate is revoked or replaced by a re-issued one, read from the certificates table on every request.
import { createCredential, createList } from '@digitalbazaar/vc-bitstring-status-list';
import { and, between, eq, isNotNull, max, or } from 'drizzle-orm';
import { audit } from '../audit/log';
import { durably, getDb } from '../db';
import { certificates, credentialStatusEntries, type Certificate } from '../db/schema';
import { VC_V2_CONTEXT } from './contexts';
import { issuerDid } from './issuer';
import { issuerKeyMaterial } from './key';
import { signCredential, xsdDateTime } from './sign';

/** Entries per list: the specification's minimum size, so that one bit tells a watcher nothing about who is checked. */
export const STATUS_LIST_LENGTH = 131_072;

export interface StatusEntry {
	list: number;
	index: number;
}

/** Position 1, 2, ... -> list 1 index 1, ...; index 0 of list 1 stays unused. */
export function entryOf(position: number): StatusEntry {
	return { list: Math.floor(position / STATUS_LIST_LENGTH) + 1, index: position % STATUS_LIST_LENGTH };
}

export function statusListUrl(origin: string, list: number): string {
	return `${new URL(origin).origin}/credentials/status/${list}`;
}

/** The certificate's status entry, assigned (with its audit entry) the first time anyone asks. */
export function statusEntryFor(cert: Pick<Certificate, 'id' | 'code'>, actorId: string | null): StatusEntry {
	const db = getDb();
	const found = db
		.select({ position: credentialStatusEntries.position })
		.from(credentialStatusEntries)
		.where(eq(credentialStatusEntries.certificateId, cert.id))
		.get();
	if (found) return entryOf(found.position);
	const position = durably(db, (tx) => {
		const again = tx
			.select({ position: credentialStatusEntries.position })
			.from(credentialStatusEntries)
			.where(eq(credentialStatusEntries.certificateId, cert.id))
			.get();
		if (again) return again.position;
		const row = tx
			.insert(credentialStatusEntries)
			.values({ certificateId: cert.id })
			.returning({ position: credentialStatusEntries.position })
			.get();
		const entry = entryOf(row.position);
		audit(
			{
				actorId,
				action: 'credential.status_assigned',
				subjectType: 'certificate',
				subjectId: cert.id,
				details: { code: cert.code, list: entry.list, index: entry.index }
			},
			tx
		);
		return row.position;
	});
	return entryOf(position);
}

/** The `credentialStatus` a credential carries: its bit in the revocation list. */
export function credentialStatusOf(origin: string, entry: StatusEntry) {
	const list = statusListUrl(origin, entry.list);
	return {
		id: `${list}#${entry.index}`,
		type: 'BitstringStatusListEntry',
		statusPurpose: 'revocation',
		statusListIndex: String(entry.index),
		statusListCredential: list
	};
}

/** Indexes set in a list: certificates with a position in it that are revoked or replaced. */
export function revokedIndexes(list: number): number[] {
	const first = (list - 1) * STATUS_LIST_LENGTH;
	return getDb()
		.select({ position: credentialStatusEntries.position })
		.from(credentialStatusEntries)
		.innerJoin(certificates, eq(certificates.id, credentialStatusEntries.certificateId))
		.where(
			and(
				between(credentialStatusEntries.position, first, first + STATUS_LIST_LENGTH - 1),
				or(isNotNull(certificates.revokedAt), isNotNull(certificates.replacedById))
			)
		)
		.all()
		.map((r) => entryOf(r.position).index);
}

/** Lists that exist: 1 up to the one holding the newest position (list 1 exists before any credential). */
export function statusListExists(list: number): boolean {
	if (!Number.isSafeInteger(list) || list < 1) return false;
	const newest = getDb()
		.select({ position: max(credentialStatusEntries.position) })
		.from(credentialStatusEntries)
		.get()?.position;
	return list <= (newest ? entryOf(newest).list : 1);
}

/** The last signed list per origin and list number, re-signed only when its bits change. */
const signedLists = new Map<string, { encodedList: string; credential: Record<string, unknown> }>();

/** The signed BitstringStatusListCredential for list `list` (1, 2, ...). */
export async function statusListCredential(origin: string, list: number): Promise<Record<string, unknown>> {
	const bits = await createList({ length: STATUS_LIST_LENGTH });
	for (const index of revokedIndexes(list)) bits.setStatus(index, true);
	const id = statusListUrl(origin, list);
	const unsigned = await createCredential({ id, list: bits, statusPurpose: 'revocation' });
	const encodedList = String(unsigned.credentialSubject.encodedList);
	const cacheKey = `${id} ${(await issuerKeyMaterial()).publicKeyMultibase}`;
	const cached = signedLists.get(cacheKey);
	if (cached?.encodedList === encodedList) return cached.credential;
	const now = new Date();
	const credential = await signCredential(
		{
			...unsigned,
			'@context': [VC_V2_CONTEXT],
			issuer: issuerDid(origin),
			validFrom: xsdDateTime(now)
		},
		origin,
		now
	);
	signedLists.set(cacheKey, { encodedList, credential });
	return credential;
}
