// The routes' one way to call the store: a ProgrammeError becomes the matching HTTP error (404 for a draft the
// person may not see, as for an id that does not exist).
import { error } from '@sveltejs/kit';
import { PROGRAMME_STEPS, type ProgrammeStep } from '../../programmes/model';
import { ProgrammeError } from './store';

export function orHttpError<T>(fn: () => T): T {
	try {
		return fn();
	} catch (e) {
		if (e instanceof ProgrammeError) error(e.status, { message: e.code });
		throw e;
	}
}

export function stepOr404(step: string): ProgrammeStep {
	if (!(PROGRAMME_STEPS as readonly string[]).includes(step)) error(404, { message: 'not found' });
	return step as ProgrammeStep;
}
