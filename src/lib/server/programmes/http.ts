// The routes' one way to call the store: a ProgrammeError becomes the matching HTTP error (404 for a draft the
// person may not see, as for an id that does not exist).
import { error, fail } from '@sveltejs/kit';
import { PROGRAMME_STEPS, type ProgrammeStep } from '../../programmes/model';
import { formError } from '../forms/validate';
import { programmeErrorText } from './messages';
import { ProgrammeError } from './store';

export function orHttpError<T>(fn: () => T): T {
	try {
		return fn();
	} catch (e) {
		if (e instanceof ProgrammeError) error(e.status, { message: e.code });
		throw e;
	}
}

/**
 * A form action's answer to a store refusal: the form shows the message (self-share, too many shares, consent...),
 * except for 404, which stays the page for a programme the person may not see. Anything else is rethrown.
 */
export function refusedForm<D extends Record<string, unknown>>(e: unknown, data: D) {
	if (e instanceof ProgrammeError) {
		if (e.status === 404) error(404, { message: e.code });
		return fail(e.status, { ...data, errors: formError(programmeErrorText(e.code)) });
	}
	throw e;
}

export function stepOr404(step: string): ProgrammeStep {
	if (!(PROGRAMME_STEPS as readonly string[]).includes(step)) error(404, { message: 'not found' });
	return step as ProgrammeStep;
}
