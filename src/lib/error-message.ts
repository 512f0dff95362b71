import { m } from '$lib/paraglide/messages';

/** The sentence an error page shows for an HTTP status, in the current language. */
export function errorMessageFor(status: number): string {
	if (status === 404) return m.error_not_found();
	if (status === 403) return m.error_forbidden();
	if (status === 401) return m.error_unauthorised();
	if (status === 413) return m.error_form_too_large();
	return m.error_generic();
}
