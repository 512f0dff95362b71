// What the organiser's training page says beside the numbers, on the fixture training (one confirmed and one
// pending registration).
import { expect, test } from '@playwright/test';
import { actorContext, createFixtures, type Fixtures } from './fixtures';

let fx: Fixtures;
test.beforeAll(() => {
	fx = createFixtures();
});

test('the organiser is told that registrations awaiting approval hold no seat', async () => {
	const admin = await actorContext(fx.people.admin);
	const page = await (await admin.get(`/admin/trainings/${fx.training.id}`)).text();
	expect(page).toContain('Zgłoszenia czekające na akceptację przełożonego nie zajmują miejsca');
});
