// The app's public address for links in mail sent outside a request (reminders, "your certificate is ready").
// ORIGIN when set; otherwise the address the last request came in on (PROTOCOL_HEADER/HOST_HEADER set-ups and
// the quick start), so a link in a mail is never a bare path the mail program cannot open.
let seen: string | null = null;

export function rememberRequestOrigin(origin: string): void {
	if (origin !== seen && /^https?:\/\//.test(origin)) seen = origin;
}

/** The public origin without a trailing slash, or null before the first request when ORIGIN is not set. */
export function publicOrigin(env: Record<string, string | undefined> = process.env): string | null {
	const configured = env.ORIGIN?.trim().replace(/\/+$/, '');
	return configured || seen;
}
