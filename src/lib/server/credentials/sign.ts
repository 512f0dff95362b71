// Signing with an embedded Data Integrity proof, cryptosuite eddsa-rdfc-2022 (RDF Dataset Canonicalization, then
// SHA-256 and Ed25519), through Digital Bazaar's maintained libraries; the documents load offline (contexts.ts).
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { offlineDocumentLoader } from './contexts';
import { issuerDid, issuerKeyId } from './issuer';
import { issuerKeyPair } from './key';

/** XML Schema dateTime in UTC without milliseconds, as credentials usually carry it. */
export function xsdDateTime(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Signs a credential as the academy. `created` fixes the proof's date: Ed25519 is deterministic, so the same
 * document signed with the same date gives the same bytes.
 */
export async function signCredential<T extends Record<string, unknown>>(
	credential: T,
	origin: string,
	created: Date
): Promise<T & { proof: Record<string, unknown> }> {
	const key = await issuerKeyPair(issuerKeyId(origin), issuerDid(origin));
	const suite = new DataIntegrityProof({
		signer: key.signer(),
		date: xsdDateTime(created),
		cryptosuite: eddsaRdfc2022
	});
	const signed = await vc.issue({
		credential: structuredClone(credential),
		suite,
		documentLoader: offlineDocumentLoader()
	});
	return signed as T & { proof: Record<string, unknown> };
}
