// Quick-start demo of issue 13's name rule: a graduate asked to print a name that is not a spelling correction
// of her account's name (she added a second surname), so /admin/name-requests has a request to approve or refuse.
import type { DemoIds } from './accounts';
import { seedGraduate } from './certificates';
import { confirmOrRequestName } from '../certificates/manage';

export const DEMO_NAME_REQUEST = {
	email: 'bozena.kesik@akademia.test',
	name: 'Bożena Kęsik',
	organisation: 'Starostwo Powiatowe w Nowym Sączu',
	requested: 'Bożena Kęsik-Młynarska'
} as const;

export function seedNameRequestDemo(ids: DemoIds) {
	const { requested, ...person } = DEMO_NAME_REQUEST;
	const certificate = seedGraduate(ids, person);
	if (certificate) confirmOrRequestName(certificate.id, certificate.userId, requested);
}
