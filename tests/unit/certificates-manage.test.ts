import { and, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { confirmName, reissueCertificate, revokeCertificate } from '$lib/server/certificates/manage';
import { findByCode, hasValidCertificate, statusOf } from '$lib/server/certificates/queries';
import { takeVerifyLookup, VERIFY_LIMIT } from '$lib/server/certificates/throttle';
import { verifyCode } from '$lib/server/certificates/verify';
import { fileNameFor, zipCertificates } from '$lib/server/certificates/zip';
import { insertCertificate } from '$lib/server/certificates/issue';
import { getDb } from '$lib/server/db';
import { auditLog, certificates, groupMembers, groups, groupTrainers } from '$lib/server/db/schema';
import { randomId } from '$lib/server/ids';
import { GET as groupZip } from '../../src/routes/(trainer)/trainer/groups/[group]/certificates.zip/+server';
import { insertUser } from './db-helpers';

function newCertificate(userId: string, courseSlug = 'dyplomacja-ekonomiczna') {
	return insertCertificate(getDb(), {
		userId,
		courseSlug,
		nameAsPrinted: 'Lucja Zolkiewska',
		courseTitle: 'Oddolna dyplomacja ekonomiczna',
		hours: 1,
		completedAt: new Date(Date.UTC(2026, 10, 20)),
		issuedAt: new Date(Date.UTC(2026, 10, 21))
	});
}

const auditOf = (id: string) =>
	getDb()
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.subjectType, 'certificate'), eq(auditLog.subjectId, id)))
		.all();

describe('confirming the printed name', () => {
	it('lets the owner correct the name once, before anything else', () => {
		const user = insertUser();
		const cert = newCertificate(user);
		expect(confirmName(cert.id, insertUser(), 'Ktoś Inny')).toBeNull();
		const done = confirmName(cert.id, user, 'Łucja Żółkiewska');
		expect(done).toMatchObject({ nameAsPrinted: 'Łucja Żółkiewska' });
		expect(done?.nameConfirmedAt).toBeInstanceOf(Date);
		expect(confirmName(cert.id, user, 'Jeszcze Inaczej')).toBeNull();
		expect(findByCode(cert.code)?.nameAsPrinted).toBe('Łucja Żółkiewska');
		expect(auditOf(cert.id).map((a) => a.action)).toEqual(['certificate.name_confirmed']);
	});
});

describe('revoking and re-issuing', () => {
	it('revokes once, with the reason, in the audit log', () => {
		const admin = insertUser({ role: 'admin' });
		const cert = newCertificate(insertUser());
		const revoked = revokeCertificate(cert.id, admin, 'Wydane omyłkowo');
		expect(revoked).toMatchObject({ revokedReason: 'Wydane omyłkowo' });
		expect(statusOf(revoked!)).toBe('revoked');
		expect(revokeCertificate(cert.id, admin, 'Drugi raz')).toBeNull();
		expect(auditOf(cert.id)).toMatchObject([
			{ actorId: admin, action: 'certificate.revoked', details: { code: cert.code, reason: 'Wydane omyłkowo' } }
		]);
	});

	it('re-issues under a new code; the old one is revoked and points to the new one', () => {
		const admin = insertUser({ role: 'admin' });
		const user = insertUser();
		const old = newCertificate(user);
		const fresh = reissueCertificate(old.id, admin, 'Łucja Żółkiewska-Gęślak', 'Korekta nazwiska')!;
		expect(fresh.code).not.toBe(old.code);
		expect(fresh).toMatchObject({
			userId: user,
			nameAsPrinted: 'Łucja Żółkiewska-Gęślak',
			courseTitle: old.courseTitle,
			hours: old.hours,
			completedAt: old.completedAt,
			revokedAt: null
		});
		expect(fresh.nameConfirmedAt).toBeInstanceOf(Date);
		const after = findByCode(old.code)!;
		expect(after.replacedById).toBe(fresh.id);
		expect(after.revokedAt).toBeInstanceOf(Date);
		expect(statusOf(after)).toBe('replaced');
		expect(reissueCertificate(old.id, admin, 'Inna Osoba', 'x')).toBeNull();
		expect(auditOf(old.id).map((a) => a.action)).toEqual(['certificate.reissued']);
		const valid = getDb()
			.select()
			.from(certificates)
			.where(eq(certificates.userId, user))
			.all()
			.filter((c) => statusOf(c) === 'valid');
		expect(valid.map((c) => c.id)).toEqual([fresh.id]);
	});

	it('the finish line of the lesson and quiz pages: a valid certificate of that course only', () => {
		const admin = insertUser({ role: 'admin' });
		const user = insertUser();
		expect(hasValidCertificate(user, 'dyplomacja-ekonomiczna')).toBe(false);
		const cert = newCertificate(user);
		expect(hasValidCertificate(user, 'dyplomacja-ekonomiczna')).toBe(true);
		expect(hasValidCertificate(user, 'inny-kurs')).toBe(false);
		expect(hasValidCertificate(insertUser(), 'dyplomacja-ekonomiczna')).toBe(false);
		const fresh = reissueCertificate(cert.id, admin, 'Łucja Żółkiewska', 'Korekta')!;
		expect(hasValidCertificate(user, 'dyplomacja-ekonomiczna')).toBe(true);
		revokeCertificate(fresh.id, admin, 'Wydane omyłkowo');
		expect(hasValidCertificate(user, 'dyplomacja-ekonomiczna')).toBe(false);
	});
});

describe('verification throttle', () => {
	it('allows 30 look-ups per address in 10 minutes, then asks to wait until the window ends', () => {
		const now = Date.now();
		for (let i = 0; i < VERIFY_LIMIT.lookups; i++) expect(takeVerifyLookup('10.0.0.1', now + i)).toBe(0);
		expect(takeVerifyLookup('10.0.0.1', now + 60_000)).toBe(VERIFY_LIMIT.windowMs - 60_000);
		expect(takeVerifyLookup('10.0.0.2', now + 60_000)).toBe(0);
		expect(takeVerifyLookup('10.0.0.1', now + VERIFY_LIMIT.windowMs)).toBe(0);
	});

	it('the page spends the budget on unknown codes only: an office checking a whole group is never held back', () => {
		const cert = newCertificate(insertUser());
		const now = Date.now();
		for (let i = 0; i < VERIFY_LIMIT.lookups * 2; i++)
			expect(verifyCode('10.0.0.3', cert.code, now + i).kind).toBe('found');
		for (let i = 0; i < VERIFY_LIMIT.lookups; i++)
			expect(verifyCode('10.0.0.3', 'ZZZZZ-ZZZZ0', now).kind).toBe('missing');
		// Budget spent by guesses: every look-up waits, a real code too.
		expect(verifyCode('10.0.0.3', cert.code, now + 1000)).toEqual({
			kind: 'throttled',
			waitMs: VERIFY_LIMIT.windowMs - 1000
		});
		expect(verifyCode('10.0.0.3', cert.code.toLowerCase(), now + 1000).kind).toBe('throttled');
		expect(verifyCode('10.0.0.3', cert.code, now + VERIFY_LIMIT.windowMs).kind).toBe('found');
	});
});

describe('ZIP of certificates', () => {
	it('keeps every file under a unique, readable name', () => {
		const pdf = new Uint8Array([37, 80, 68, 70]);
		const zip = unzipSync(
			zipCertificates([
				{ name: fileNameFor('Łucja Żółkiewska', 'AAAAA-BBBBB'), data: pdf },
				{ name: 'x.pdf', data: pdf },
				{ name: 'x.pdf', data: pdf }
			])
		);
		expect(Object.keys(zip).sort()).toEqual(['x-2.pdf', 'x.pdf', 'Łucja-Żółkiewska-AAAAA-BBBBB.pdf']);
		expect(fileNameFor('../../etc/passwd', 'C')).toBe('etc-passwd-C.pdf');
	});

	it("the group download: only the group's trainers and admins, only valid, name-confirmed certificates of its members", async () => {
		const db = getDb();
		const trainer = insertUser({ role: 'trainer' });
		const otherTrainer = insertUser({ role: 'trainer' });
		const admin = insertUser({ role: 'admin' });
		const member = insertUser({ name: 'Łucja Żółkiewska-Gęślak' });
		const revokedMember = insertUser();
		const outsider = insertUser();
		const group = randomId();
		db.insert(groups).values({ id: group, name: 'Gmina Żabno 2026', courseSlug: 'dyplomacja-ekonomiczna' }).run();
		db.insert(groupTrainers).values({ groupId: group, userId: trainer }).run();
		for (const userId of [member, revokedMember]) db.insert(groupMembers).values({ groupId: group, userId }).run();
		const unconfirmedMember = insertUser();
		db.insert(groupMembers).values({ groupId: group, userId: unconfirmedMember }).run();
		const cert = newCertificate(member);
		confirmName(cert.id, member, 'Lucja Zolkiewska');
		const unconfirmed = newCertificate(unconfirmedMember);
		revokeCertificate(newCertificate(revokedMember).id, admin, 'test');
		newCertificate(outsider);
		newCertificate(member, 'protokol-dyplomatyczny');

		const call = async (user: { id: string; role: 'learner' | 'trainer' | 'admin' } | null, groupId = group) => {
			const event = {
				locals: { user: user && { ...user, name: '', email: '', locale: 'pl' }, session: null },
				params: { group: groupId },
				url: new URL(`http://localhost/trainer/groups/${groupId}/certificates.zip`)
			};
			try {
				return await groupZip(event as never);
			} catch (e) {
				return (e as { status: number }).status;
			}
		};
		expect(await call(null)).toBe(401);
		expect(await call({ id: member, role: 'learner' })).toBe(403);
		expect(await call({ id: otherTrainer, role: 'trainer' })).toBe(403);
		expect(await call({ id: trainer, role: 'trainer' }, 'no-such-group')).toBe(404);
		for (const user of [
			{ id: trainer, role: 'trainer' as const },
			{ id: admin, role: 'admin' as const }
		]) {
			const response = (await call(user)) as Response;
			expect(response.status).toBe(200);
			expect(response.headers.get('Content-Type')).toBe('application/zip');
			const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
			// Not the revoked one, not another course's, not an outsider's, not one whose name waits for confirmation.
			expect(Object.keys(files)).toEqual([`Lucja-Zolkiewska-${cert.code}.pdf`]);
			expect(Object.keys(files).join()).not.toContain(unconfirmed.code);
			expect(new TextDecoder().decode(files[`Lucja-Zolkiewska-${cert.code}.pdf`].subarray(0, 5))).toBe('%PDF-');
		}
	});
});
