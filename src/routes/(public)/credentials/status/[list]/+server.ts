import { error } from '@sveltejs/kit';
import { PUBLIC_JSON_HEADERS, statusListCredential, statusListExists } from '$lib/server/credentials';
import type { RequestHandler } from './$types';

// Public, no guard: the signed revocation list (Bitstring Status List) credentials point to. It names nobody:
// only bits at positions.
export const GET = (async (event) => {
	const list = /^[1-9]\d{0,8}$/.test(event.params.list) ? Number(event.params.list) : NaN;
	if (!statusListExists(list)) error(404, { message: 'not found' });
	const credential = await statusListCredential(event.url.origin, list);
	return new Response(JSON.stringify(credential), {
		headers: { ...PUBLIC_JSON_HEADERS, 'Cache-Control': 'no-cache' }
	});
}) satisfies RequestHandler;
