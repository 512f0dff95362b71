// Who signs: the academy as a did:web identifier derived from the app's own address, so that its public key is
// published by the app itself at /.well-known/did.json and checking a credential needs nothing but the app.
import { DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT } from './contexts';
import { issuerKeyMaterial } from './key';

/** did:web for an origin: the host, with a port's colon percent-encoded (did:web method, "Create"). */
export function issuerDid(origin: string): string {
	const url = new URL(origin);
	return `did:web:${url.host.replace(':', '%3A')}`;
}

export function issuerKeyId(origin: string): string {
	return `${issuerDid(origin)}#key-1`;
}

/** The https URL a did:web resolves to (for docs and tests: the app serves it at /.well-known/did.json). */
export function didDocumentUrl(origin: string): string {
	return `${new URL(origin).origin}/.well-known/did.json`;
}

/** The DID document: one Ed25519 Multikey, allowed to sign credentials (assertionMethod). */
export async function didDocument(origin: string) {
	const did = issuerDid(origin);
	const { publicKeyMultibase } = await issuerKeyMaterial();
	return {
		'@context': [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT],
		id: did,
		verificationMethod: [{ id: issuerKeyId(origin), type: 'Multikey', controller: did, publicKeyMultibase }],
		assertionMethod: [issuerKeyId(origin)]
	};
}

type DidDocument = Awaited<ReturnType<typeof didDocument>>;

/**
 * What a verifier's document loader needs from a DID document: the DID -> the document, and each key id -> the
 * key (with its context), since Data Integrity proofs dereference the verification method by its id.
 */
export function didDocumentEntries(doc: DidDocument): [string, unknown][] {
	return [
		[doc.id, doc],
		...doc.verificationMethod.map((vm): [string, unknown] => [vm.id, { '@context': MULTIKEY_V1_CONTEXT, ...vm }])
	];
}
