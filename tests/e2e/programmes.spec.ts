// Programme builder end to end: a learner drafts a programme through all seven steps (autosave and the save
// button), two tabs never overwrite each other, the draft is shared with a trainer who comments on a step, the
// export downloads (once the export branch is merged), the learner publishes with consent and an anonymous visitor
// finds it in the gallery.
import { expect, test, type Page } from '@playwright/test';
import { DEMO, gotoReady, signIn } from './helpers';

const stamp = Date.now().toString(36);
const office = `Gmina Próbna ${stamp}`;

async function saveStep(page: Page) {
	await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Zapisano.' })).toBeVisible();
}

test('draft all steps, share with a trainer who comments, publish, find it as an anonymous visitor', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const learner = await (await browser.newContext()).newPage();
	await signIn(learner, DEMO.learner);
	await gotoReady(learner, '/programmes');
	await learner.getByRole('link', { name: 'Rozpocznij nowy program' }).click();
	await learner.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await learner.getByLabel('Nazwa jednostki samorządu terytorialnego').fill(office);
	await learner.getByLabel('Nazwa jednostki w tytule programu').fill(`Gminy Próbnej ${stamp}`);
	await learner.getByRole('radio', { name: 'gmina' }).check();
	await learner.getByLabel('Pierwszy rok programu').fill('2026');
	await learner.getByLabel('Ostatni rok programu').fill('2030');
	await learner.getByRole('button', { name: 'Utwórz projekt programu' }).click();
	await expect(learner.getByRole('heading', { level: 1 })).toHaveText(
		`Program współpracy zagranicznej Gminy Próbnej ${stamp} na lata 2026–2030`
	);
	const overview = new URL(learner.url()).pathname;
	await expect(learner.getByText('Gotowe kroki: 0 z 7.')).toBeVisible();

	// Step 1 autosaves: the status says so, and the text is there after a reload.
	await gotoReady(learner, `${overview}/office`);
	await learner.getByLabel('Obecni partnerzy zagraniczni').fill('Miasto partnerskie w Niemczech (fikcyjne).');
	await expect(learner.getByText(/Zapisano o /)).toBeVisible();
	await gotoReady(learner, `${overview}/office`);
	await expect(learner.getByLabel('Obecni partnerzy zagraniczni')).toHaveValue(
		'Miasto partnerskie w Niemczech (fikcyjne).'
	);
	await expect(learner.getByText('gotowe', { exact: true })).toBeVisible();
	// Text typed just before leaving for another step is saved first (the autosave's pause has not passed yet).
	await learner.getByLabel('Obecne formy współpracy').fill('Wymiana chórów (fikcyjna).');
	await learner.getByRole('link', { name: '2. Cele i wskaźniki' }).click();
	await expect(learner).toHaveURL(/\/goals$/);
	await gotoReady(learner, `${overview}/office`);
	await expect(learner.getByLabel('Obecne formy współpracy')).toHaveValue('Wymiana chórów (fikcyjna).');
	// A change the server refuses keeps the page: the step link does not lose it, the field says what to fix.
	await learner.getByLabel('Pierwszy rok programu').fill('dwa tysiące');
	await learner.getByRole('link', { name: '2. Cele i wskaźniki' }).click();
	await expect(learner.getByText('Proszę podać rok czterema cyframi')).toBeVisible();
	await expect(learner).toHaveURL(/\/office$/);
	await expect(learner.getByLabel('Pierwszy rok programu')).toHaveValue('dwa tysiące');
	// Leaving again with the refused change still on the page asks first; staying keeps it.
	learner.once('dialog', (dialog) => void dialog.dismiss());
	await learner.getByRole('link', { name: '2. Cele i wskaźniki' }).click();
	await expect(learner).toHaveURL(/\/office$/);
	await expect(learner.getByLabel('Pierwszy rok programu')).toHaveValue('dwa tysiące');
	await learner.getByLabel('Pierwszy rok programu').fill('2026');
	await expect(learner.getByText(/Zapisano o /)).toBeVisible();

	await gotoReady(learner, `${overview}/goals`);
	await learner.getByLabel('Cel strategiczny', { exact: true }).fill('Gmina otwarta na partnerów z Azji');
	await learner.getByLabel('Cel operacyjny', { exact: true }).fill('Wymiana szkół');
	await learner.getByLabel('Wskaźnik', { exact: true }).fill('Uczniowie w wymianie rocznie');
	await learner.getByLabel('Wartość bazowa').fill('0');
	await learner.getByLabel('Wartość docelowa').fill('20');
	await learner.getByLabel('Źródło danych').fill('Sprawozdania szkół');
	await saveStep(learner);
	// The help beside the step: a lesson that teaches it.
	await expect(learner.getByRole('complementary').getByRole('link').first()).toBeVisible();

	await gotoReady(learner, `${overview}/partners`);
	await learner.getByLabel('Kraj lub region partnerski').fill('Miasto w Japonii (fikcyjne)');
	await learner.getByLabel('Region świata').selectOption('far-east');
	await learner.getByLabel('Uzasadnienie wyboru').fill('Kontakty szkół.');
	await learner.getByRole('group', { name: 'Formy współpracy z tym partnerem' }).getByRole('checkbox').first().check();
	await saveStep(learner);

	await gotoReady(learner, `${overview}/economy`);
	await learner.getByLabel('Targi i wystawy').fill('Stoisko na targach regionalnych.');
	await saveStep(learner);

	await gotoReady(learner, `${overview}/organisation`);
	await learner.getByLabel('Kto koordynuje program').fill('Referat promocji');
	await learner.getByLabel('Rola rady (sejmiku)').fill('Przyjmuje program i sprawozdanie.');
	await learner.getByLabel('Rola wójta, burmistrza, prezydenta, starosty lub marszałka').fill('Wykonuje program.');
	await learner.getByLabel('Konsultacje z lokalnymi przedsiębiorcami i organizacjami').fill('Spotkanie z izbą.');
	await saveStep(learner);

	await gotoReady(learner, `${overview}/budget`);
	await learner.getByLabel('Rok', { exact: true }).fill('2026');
	await learner.getByLabel('Źródło finansowania').selectOption('own');
	await learner.getByLabel('Kwota (zł)').fill('20000');
	await learner.getByLabel('Na co').fill('Wymiana młodzieży');
	await learner.getByLabel('Ryzyko', { exact: true }).fill('Brak tłumacza.');
	await learner.getByLabel('Sposób ograniczenia').fill('Umowa ze szkołą językową.');
	await saveStep(learner);
	// A refused row field is named in the summary by its own label, and links to it.
	await learner.locator('[id="field-b.0.amount"]').fill('25 000,50 zł');
	await learner.getByRole('button', { name: 'Zapisz', exact: true }).click();
	await expect(learner.getByRole('alert').getByRole('link', { name: 'Kwota (zł)' })).toBeVisible();
	await learner.locator('[id="field-b.0.amount"]').fill('20000');
	await saveStep(learner);

	await gotoReady(learner, `${overview}/monitoring`);
	await learner.getByLabel(/Kto przygotowuje roczne sprawozdanie/).fill('Referat promocji');
	await learner.getByLabel('Termin sprawozdania').fill('do 31 marca każdego roku');
	await learner.getByLabel(/Ewaluacja programu/).fill('Po trzech latach.');
	await saveStep(learner);

	await gotoReady(learner, overview);
	await expect(learner.getByText('Gotowe kroki: 7 z 7.')).toBeVisible();

	// Two tabs: the second save, based on the version both opened, is refused and shows the current text.
	const tabA = await learner.context().newPage();
	const tabB = await learner.context().newPage();
	await gotoReady(tabA, `${overview}/economy`);
	await gotoReady(tabB, `${overview}/economy`);
	await tabA.getByLabel('Misje gospodarcze').fill('Misja z karty A.');
	await saveStep(tabA);
	await tabB.getByLabel('Misje gospodarcze').fill('Misja z karty B.');
	await tabB.getByRole('button', { name: 'Zapisz', exact: true }).click();
	await expect(tabB.getByRole('alert').first()).toContainText('Nie zapisano: w międzyczasie');
	await expect(tabB.locator('.conflict')).toContainText('Misja z karty A.');
	await tabA.close();
	await tabB.close();

	// Share with the trainer to read and comment.
	await learner.getByLabel('Adres e-mail osoby').fill(DEMO.trainer);
	await learner.getByRole('button', { name: 'Udostępnij', exact: true }).click();
	await expect(learner.getByRole('status').filter({ hasText: `Udostępniono: ${DEMO.trainer}` })).toBeVisible();

	const trainer = await (await browser.newContext()).newPage();
	await signIn(trainer, DEMO.trainer);
	await gotoReady(trainer, '/programmes');
	await trainer
		.getByRole('link', { name: new RegExp(`Gminy Próbnej ${stamp}`) })
		.first()
		.click();
	await trainer.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await trainer.getByRole('link', { name: 'Cele i wskaźniki' }).first().click();
	await trainer.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(trainer.getByText('Ten projekt udostępniono Pani/Panu do czytania')).toBeVisible();
	await expect(trainer.getByRole('button', { name: 'Zapisz', exact: true })).toHaveCount(0);
	await trainer.getByLabel('Komentarz', { exact: true }).fill('Proszę dodać drugi wskaźnik przed spotkaniem.');
	await trainer.getByRole('button', { name: 'Dodaj komentarz' }).click();
	await expect(trainer.locator('#comments')).toContainText('Proszę dodać drugi wskaźnik przed spotkaniem.');
	await trainer.context().close();

	await gotoReady(learner, `${overview}/goals`);
	await expect(learner.locator('#comments')).toContainText('Proszę dodać drugi wskaźnik przed spotkaniem.');

	// Export: the routes call the export branch's functions; until it is merged they answer 501 (the lead checks
	// this step after the merge).
	const docx = await learner.request.get(`${overview}/export.docx`);
	if (docx.status() === 501) {
		test.info().annotations.push({ type: 'skipped-step', description: 'export not merged yet (501)' });
	} else {
		expect(docx.status()).toBe(200);
		expect(docx.headers()['content-type']).toContain('wordprocessingml');
		expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
		const pdf = await learner.request.get(`${overview}/export.pdf`);
		expect(pdf.status()).toBe(200);
		expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
	}

	// Publish with the office's consent: refused without the tick, then done.
	await gotoReady(learner, overview);
	await learner.getByRole('button', { name: 'Opublikuj program' }).click();
	await expect(learner.getByRole('alert')).toContainText('zgody urzędu');
	await learner.getByLabel(/Urząd wyraża zgodę na publikację/).check();
	await learner.getByRole('button', { name: 'Opublikuj program' }).click();
	await expect(learner.getByRole('status').filter({ hasText: 'Program opublikowano w galerii.' })).toBeVisible();
	await learner.context().close();

	// An anonymous visitor finds it by a word without Polish letters and the partner region, and reads it.
	const visitor = await (await browser.newContext()).newPage();
	await gotoReady(visitor, `/programmes?q=${encodeURIComponent(`probna ${stamp}`)}&region=far-east`);
	await visitor.getByRole('link', { name: new RegExp(`Gminy Próbnej ${stamp}`) }).click();
	await visitor.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(visitor.getByRole('heading', { level: 1 })).toContainText(`Gminy Próbnej ${stamp}`);
	await expect(visitor.getByText('Misja z karty A.')).toBeVisible();
	await expect(visitor.getByText(office).first()).toBeVisible();
	await expect(visitor.getByRole('heading', { name: 'Udostępnianie' })).toHaveCount(0);
	await expect(visitor.getByText('Proszę dodać drugi wskaźnik')).toHaveCount(0);
	await expect(visitor.getByText('Łucja')).toHaveCount(0);
	await visitor.context().close();
});
