// Who may do what with a programme (pure). The author edits, shares, publishes; a person the draft is shared with
// reads it (view) or edits it too (edit), and comments either way; anyone, signed in or not, reads a published
// programme (read-only, no comments, no shares); an admin may unpublish. Everyone else gets 404, as for an id that
// does not exist: a draft's existence is not told to people it is not shared with.

export type ProgrammeAccess = 'author' | 'edit' | 'view' | 'public';

export interface AccessSubject {
	authorId: string | null;
	status: 'draft' | 'published';
	/** The shares of this programme (user ids resolved where the account is known, e-mails lowercased). */
	shares: { email: string; userId: string | null; role: 'view' | 'edit' }[];
}

export interface AccessUser {
	id: string;
	email: string | null;
	role: string;
}

/** The strongest access the person has, or null (answer 404). */
export function accessFor(p: AccessSubject, user: AccessUser | null | undefined): ProgrammeAccess | null {
	if (user) {
		if (p.authorId && p.authorId === user.id) return 'author';
		const email = user.email?.toLowerCase() ?? null;
		const share = p.shares.find((s) => s.userId === user.id || (email !== null && s.email === email));
		if (share) return share.role;
	}
	return p.status === 'published' ? 'public' : null;
}

export const canEdit = (a: ProgrammeAccess | null): boolean => a === 'author' || a === 'edit';
/** Comments and the working view (steps, readiness, comments): the author and the people it is shared with. */
export const isCollaborator = (a: ProgrammeAccess | null): boolean => a === 'author' || a === 'edit' || a === 'view';
export const canShare = (a: ProgrammeAccess | null): boolean => a === 'author';
export const canPublish = (a: ProgrammeAccess | null): boolean => a === 'author';
export const canUnpublish = (user: AccessUser | null | undefined): boolean => user?.role === 'admin';
/** The downloads: like reading (collaborators, or anyone once published). */
export const canRead = (a: ProgrammeAccess | null): boolean => a !== null;
