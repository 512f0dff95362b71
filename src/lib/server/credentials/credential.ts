// The Open Badges 3.0 credential of a certificate: an OpenBadgeCredential (W3C Verifiable Credential 2.0) that says
// what the certificate says, signed by the academy (sign.ts) and pointing at its bit in the revocation list.
// The texts are fixed here in Polish, the language of the certificates, whatever language the downloader uses.
import type { Course } from '../content/catalogue';
import type { Certificate } from '../db/schema';
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from './contexts';
import { issuerDid } from './issuer';
import { xsdDateTime } from './sign';
import { credentialStatusOf, type StatusEntry } from './status';

const hoursPl = new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 2 });

/** "4 godz.", "1,5 godz.": the abbreviation needs no plural form. */
export function hoursText(hours: number): string {
	return `${hoursPl.format(hours)} godz.`;
}

/** How the certificate was earned, from the course's completion rules (docs/CONTENT-FORMAT.md). */
export function criteriaNarrative(course: Course | undefined, hours: number): string {
	const duration = `Wymiar kursu: ${hoursText(hours)}`;
	if (!course) return `Ukończenie kursu zgodnie z jego warunkami zaliczenia. ${duration}`;
	const conditions = ['ukończenie wszystkich lekcji kursu'];
	if (course.quizzes.length > 0) conditions.push('zaliczenie wszystkich testów');
	if (course.completion.attendance > 0) {
		conditions.push(`obecność na co najmniej ${course.completion.attendance} zajęciach na żywo`);
	}
	const list = conditions.length === 1 ? conditions[0] : `${conditions.slice(0, -1).join(', ')} i ${conditions.at(-1)}`;
	return `Warunki uzyskania: ${list}. ${duration}`;
}

export function credentialUrl(origin: string, code: string): string {
	return `${new URL(origin).origin}/verify/${code}/credential`;
}

/** The unsigned credential: pure, from the certificate row, its course (if still in the catalogue) and status entry. */
export function buildCredential(cert: Certificate, course: Course | undefined, origin: string, entry: StatusEntry) {
	const base = new URL(origin).origin;
	const issued = xsdDateTime(cert.issuedAt);
	return {
		'@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
		id: credentialUrl(origin, cert.code),
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		name: cert.courseTitle,
		description: `Zaświadczenie ukończenia kursu „${cert.courseTitle}” (${hoursText(cert.hours)}), kod weryfikacyjny ${cert.code}.`,
		issuer: { id: issuerDid(origin), type: ['Profile'], name: cert.issuer, url: base },
		validFrom: issued,
		awardedDate: issued,
		credentialSubject: {
			type: ['AchievementSubject'],
			// The name as printed on the certificate (the learner confirmed its spelling). Not a hashed e-mail: the
			// credential is public through its verification code, and a hash of a guessable address would give it away.
			identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: cert.nameAsPrinted }],
			achievement: {
				id: `${base}/courses/${cert.courseSlug}`,
				type: ['Achievement'],
				achievementType: 'Course',
				name: cert.courseTitle,
				description: course ? `${course.summary} Wymiar kursu: ${hoursText(cert.hours)}` : cert.courseTitle,
				criteria: { narrative: criteriaNarrative(course, cert.hours) },
				inLanguage: course?.language ?? 'pl'
			}
		},
		// No `credentialSchema` naming 1EdTech's schema: its type "1EdTechJsonSchemaValidator2019" is defined by no
		// context, and eddsa-rdfc-2022 canonicalises in safe mode, which refuses undefined terms. The schema is
		// still checked, by the tests (tests/unit/credentials.test.ts).
		credentialStatus: credentialStatusOf(origin, entry)
	};
}

export type UnsignedCredential = ReturnType<typeof buildCredential>;
