// What a route needs to print a certificate: the row plus the course's wording and the verification link.
import { getCourse } from '../content';
import type { Certificate } from '../db/schema';
import { renderCertificatePdf } from './pdf';

export function verifyUrl(origin: string, code: string): string {
	return `${origin.replace(/\/$/, '')}/verify/${code}`;
}

export function printCertificate(cert: Certificate, origin: string): Promise<Uint8Array> {
	const course = getCourse(cert.courseSlug);
	return renderCertificatePdf(cert, {
		verifyUrl: verifyUrl(origin, cert.code),
		wordingPl: course?.certificate.wording_pl ?? 'potwierdza ukończenie kursu',
		wordingEn: course?.certificate.wording_en,
		courseTitleEn: course?.titleEn,
		bilingual: course?.certificate.bilingual ?? false
	});
}
