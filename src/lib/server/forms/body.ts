// Request bodies read with a limit: a chunked body without a length is cut off at the limit, not buffered whole
// (the quiz autosave, the programme autosave and the programme step form read through here).

/** The request's body, or null when it is longer than `max` bytes (read no further than that). */
export async function bodyUpTo(request: Request, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > max) return null;
	if (!request.body) return new Uint8Array();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > max) {
			await reader.cancel();
			return null;
		}
		chunks.push(value);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.byteLength;
	}
	return out;
}

/** The form's fields (none when the body is not a form), or null when it is longer than `max` bytes. */
export async function formDataUpTo(request: Request, max: number): Promise<FormData | null> {
	const body = await bodyUpTo(request, max);
	if (!body) return null;
	const type = request.headers.get('content-type') ?? 'application/x-www-form-urlencoded';
	try {
		return await new Response(body, { headers: { 'content-type': type } }).formData();
	} catch {
		// Not a form body (text/plain, a broken multipart): no fields, so the action answers 400 with its message.
		return new FormData();
	}
}
