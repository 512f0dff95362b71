// axe on every page of every role, at desktop width and at 360 px, recording every network request on the way:
// nothing may be fetched from another host, and external links must be on the reviewed list.
import { expect, test, type Page } from '@playwright/test';
import { createFixtures, type Fixtures, type Person } from './fixtures';
import { expectAccessible, gotoReady, signIn } from './helpers';

type Who = 'anonymous' | 'learner' | 'trainer' | 'admin';

/** The pages each role sees. Add the pages of a new feature here (a function when a page needs fixture ids). */
const PAGES: Record<Who, (string | ((fx: Fixtures) => string))[]> = {
	anonymous: [
		'/login',
		'/reset-password',
		'/reset-password/no-such-token',
		'/invitation/no-such-token',
		'/dostepnosc',
		'/verify',
		(fx) => `/verify/${fx.certificateCode}`,
		'/practices',
		'/practices?q=fikcyjny&region=far-east',
		(fx) => `/practices/${fx.practiceSlug}`,
		'/trainings',
		(fx) => `/trainings/${fx.training.slug}`,
		(fx) => `/trainings/${fx.training.slug}/cancel/${fx.training.cancelToken}`,
		(fx) => `/trainings/${fx.training.slug}/approval/${fx.training.approvalToken}`,
		'/surveys',
		'/surveys/diagnoza-wspolpracy-zagranicznej',
		'/programmes',
		'/programmes?q=gmina&type=gmina&region=far-east&form=exchange',
		(fx) => `/programmes/${fx.programme.publishedId}`
	],
	learner: [
		'/dashboard',
		'/account',
		'/logout',
		'/dostepnosc',
		'/courses',
		(fx) => `/courses/${fx.course.slug}`,
		(fx) => `/courses/${fx.course.slug}/${fx.course.lessons[0].slug}`,
		(fx) => `/courses/${fx.course.slug}/glossary`,
		'/certificates',
		'/record',
		'/search?q=flaga',
		'/glossary',
		(fx) => `/courses/${fx.course.slug}/quiz/${fx.course.quizzes[0]?.slug}`,
		(fx) => `/courses/${fx.course.slug}/quiz/${fx.course.quizzes[0]?.slug}/${fx.attemptId}`,
		'/practices/submit',
		'/practices/submissions',
		(fx) => `/practices/submissions/${fx.practiceSubmissionId}`,
		// The evaluation form: every kind of field a survey draws (grid, choice, long text).
		(fx) => `/surveys/ocena-szkolenia?course=${fx.course.slug}`,
		'/programmes',
		'/programmes/new',
		(fx) => `/programmes/${fx.programme.draftId}`,
		...['office', 'goals', 'partners', 'economy', 'organisation', 'budget', 'monitoring'].map(
			(step) => (fx: Fixtures) => `/programmes/${fx.programme.draftId}/${step}`
		)
	],
	trainer: [
		'/trainer',
		'/account',
		'/attendance',
		(fx) => `/attendance/${fx.liveSessionId}`,
		...groupReports(),
		'/admin/surveys',
		'/admin/surveys/diagnoza-wspolpracy-zagranicznej',
		// A draft shared with the trainer to read and comment.
		(fx) => `/programmes/${fx.programme.draftId}/goals`
	],
	admin: [
		'/admin',
		'/admin/invitations',
		'/admin/outbox',
		'/admin/privacy',
		'/account',
		'/admin/users',
		(fx) => `/admin/users/${fx.spareUserId}`,
		'/admin/groups',
		(fx) => `/admin/groups/${fx.groupId}`,
		'/admin/import',
		'/admin/trainings',
		(fx) => `/admin/trainings/${fx.training.id}`,
		'/admin/certificates',
		(fx) => `/admin/certificates/${fx.certificateId}`,
		'/admin/practices',
		(fx) => `/admin/practices/${fx.practiceSubmissionId}`,
		'/admin/name-requests',
		'/admin/surveys',
		'/admin/surveys/diagnoza-wspolpracy-zagranicznej',
		// An admin opens every group's reports too.
		...groupReports()
	]
};

/** The trainer's report pages of the fixture group (its learner has a submitted attempt at the first quiz). */
function groupReports(): ((fx: Fixtures) => string)[] {
	const base = (fx: Fixtures) => `/trainer/groups/${fx.groupId}`;
	return [
		base,
		(fx) => `${base(fx)}/learners/${fx.people.learner.id}`,
		(fx) => `${base(fx)}/quizzes/${fx.course.quizzes[0]?.slug}`,
		(fx) => `${base(fx)}/before-next-session`,
		(fx) => `${base(fx)}/remind`,
		(fx) => `${base(fx)}/evaluation`
	];
}

/** External links a reviewer has accepted (plain <a href> to documentation); requests to other hosts never are. */
export const REVIEWED_EXTERNAL_LINKS: string[] = [];

const WIDTHS = [
	{ name: 'desktop', width: 1280, height: 900 },
	{ name: '360 px', width: 360, height: 800 }
];

function who(fx: Fixtures, role: Who): Person | null {
	if (role === 'anonymous') return null;
	return role === 'learner' ? fx.people.learner : role === 'trainer' ? fx.people.trainerOfGroup : fx.people.admin;
}

async function externalLinks(page: Page, origin: string) {
	// The sources of a good-practice case are reviewed with the case (a file in git, or a submission an admin
	// publishes), not here: they point at the offices' own pages by design.
	const hrefs = await page
		.locator('a[href]:not([data-case-sources] a)')
		.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
	return hrefs.filter((h) => /^https?:/.test(h) && new URL(h).origin !== origin);
}

let fx: Fixtures;
test.beforeAll(() => {
	fx = createFixtures();
});

for (const role of Object.keys(PAGES) as Who[]) {
	for (const size of WIDTHS) {
		test(`${role}: every page is accessible at ${size.name} and loads nothing from another host`, async ({
			page,
			baseURL
		}) => {
			// One test walks all of a role's pages: its time grows with the list (axe takes seconds per page on a busy machine).
			test.setTimeout(Math.max(150_000, PAGES[role].length * 8_000));
			const foreign: string[] = [];
			page.on('request', (r) => {
				const url = new URL(r.url());
				if (!['localhost', '127.0.0.1'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol))
					foreign.push(r.url());
			});
			await page.setViewportSize({ width: size.width, height: size.height });
			const person = who(fx, role);
			if (person) await signIn(page, person.email);
			for (const entry of PAGES[role]) {
				const path = typeof entry === 'function' ? entry(fx) : entry;
				const res = await gotoReady(page, path);
				expect(res?.status(), path).toBeLessThan(400);
				await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
				await test.step(path, () => expectAccessible(page));
				const links = (await externalLinks(page, new URL(baseURL!).origin)).filter(
					(l) => !REVIEWED_EXTERNAL_LINKS.includes(l)
				);
				expect(links, `unreviewed external links on ${path}`).toEqual([]);
				if (size.width === 360) {
					// On failure the message names the innermost elements that stick out, so the cause is one look away.
					const wide = await page.evaluate(() => {
						if (document.documentElement.scrollWidth - window.innerWidth <= 1) return [];
						return [...document.querySelectorAll('body *')]
							.filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
							.filter((el) => !el.parentElement?.closest('.table-scroll'))
							.filter((el) => ![...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1))
							.map(
								(el) => `<${el.tagName.toLowerCase()} class="${el.className}"> ${el.textContent?.trim().slice(0, 60)}`
							);
					});
					expect(wide, `${path} scrolls sideways at 360 px`).toEqual([]);
				}
			}
			expect(foreign).toEqual([]);
		});
	}
}
