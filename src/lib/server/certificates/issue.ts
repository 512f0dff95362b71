// Certificate issuance at the moment a learner meets a course's completion rules.
// Called by lesson completion and quiz submission; the certificates feature implements it.
import type { Certificate } from '../db/schema';

// TODO(certificates issue): evaluate the course's completion rules and write the certificate row; until then
// no certificate is issued (assumption: callers need only this signature).
export function issueCertificateIfComplete(_userId: string, _courseSlug: string): Certificate | null {
	return null;
}
