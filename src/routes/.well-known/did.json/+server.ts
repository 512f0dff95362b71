import { didDocument, PUBLIC_JSON_HEADERS } from '$lib/server/credentials';
import type { RequestHandler } from './$types';

// Public, no guard: the academy's did:web document, i.e. the public key that checks its credentials.
export const GET = (async (event) => {
	const doc = await didDocument(event.url.origin);
	return new Response(JSON.stringify(doc, null, 2), {
		headers: { ...PUBLIC_JSON_HEADERS, 'Cache-Control': 'public, max-age=300' }
	});
}) satisfies RequestHandler;
