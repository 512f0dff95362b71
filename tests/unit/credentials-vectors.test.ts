// The W3C test vectors of eddsa-rdfc-2022 (tests/unit/fixtures/eddsa-rdfc-2022/README.md), run through the same
// libraries and document loader the app signs with: a library that labelled a JCS signature as rdfc, or
// canonicalised differently, would produce other N-Quads, another signature, and fail here.
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import jsonld from 'jsonld';
import jsigs from 'jsonld-signatures';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offlineDocumentLoader } from '$lib/server/credentials/contexts';

const dir = join(__dirname, 'fixtures/eddsa-rdfc-2022');
const text = (name: string) => readFileSync(join(dir, name), 'utf8');
const json = (name: string) => JSON.parse(text(name));

const keyPair = json('keyPair.json') as { publicKeyMultibase: string; privateKeyMultibase: string };
const signed = json('signedDataInt.json');
const unsigned = json('unsigned.json');
const did = `did:key:${keyPair.publicKeyMultibase}`;
const keyId = `${did}#${keyPair.publicKeyMultibase}`;

/** The app's offline loader plus what the vectors need: their examples context and their did:key. */
function vectorLoader() {
	return offlineDocumentLoader(
		new Map<string, unknown>([
			// The examples context of VC 2.0; the vector's canonical N-Quads (examples#alumniOf) confirm it.
			[
				'https://www.w3.org/ns/credentials/examples/v2',
				{ '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' } }
			],
			[
				keyId,
				{
					'@context': 'https://w3id.org/security/multikey/v1',
					id: keyId,
					type: 'Multikey',
					controller: did,
					publicKeyMultibase: keyPair.publicKeyMultibase
				}
			],
			[
				did,
				{
					'@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
					id: did,
					verificationMethod: [
						{ id: keyId, type: 'Multikey', controller: did, publicKeyMultibase: keyPair.publicKeyMultibase }
					],
					assertionMethod: [keyId]
				}
			]
		])
	);
}

const canonize = (doc: unknown) =>
	jsonld.canonize(doc, {
		algorithm: 'RDFC-1.0',
		format: 'application/n-quads',
		documentLoader: vectorLoader(),
		safe: true
	});

describe('eddsa-rdfc-2022 test vectors (W3C vc-di-eddsa)', () => {
	it('canonicalises the credential to the published N-Quads and hash', async () => {
		const nquads = await canonize(unsigned);
		expect(nquads).toBe(text('canonDocDataInt.txt'));
		expect(createHash('sha256').update(nquads).digest('hex')).toBe(text('docHashDataInt.txt').trim());
	});

	it('canonicalises the proof configuration to the published N-Quads', async () => {
		expect(await canonize(json('proofConfigDataInt.json'))).toBe(text('proofCanonDataInt.txt'));
	});

	it('signs the unsigned credential with the vector key to the published proofValue', async () => {
		const key = await Ed25519Multikey.from({
			type: 'Multikey',
			id: keyId,
			controller: did,
			publicKeyMultibase: keyPair.publicKeyMultibase,
			secretKeyMultibase: keyPair.privateKeyMultibase
		});
		const suite = new DataIntegrityProof({
			signer: key.signer(),
			date: signed.proof.created,
			cryptosuite: eddsaRdfc2022
		});
		const result = await vc.issue({ credential: structuredClone(unsigned), suite, documentLoader: vectorLoader() });
		expect(result.proof).toEqual(signed.proof);
		expect(signed.proof.proofValue).toBe(text('sigBTC58DataInt.txt').trim());
	});

	it('verifies the published signed credential, and refuses it with one letter changed', async () => {
		// The proof alone (jsonld-signatures): the vector's issuer is not its key's controller, which a full
		// credential check (vc.verifyCredential) would rightly refuse.
		const verify = (credential: unknown) =>
			jsigs.verify(credential, {
				suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
				purpose: new jsigs.purposes.AssertionProofPurpose(),
				documentLoader: vectorLoader()
			});
		const ok = await verify(signed);
		expect(ok.error).toBeUndefined();
		expect(ok.verified).toBe(true);
		const forged = structuredClone(signed);
		forged.credentialSubject.alumniOf = 'The School of Exampl3s';
		expect((await verify(forged)).verified).toBe(false);
	});
});
