import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { type Encoding } from '$lib/server/people/csv';
import {
	analyseFile,
	commitImport,
	IMPORT_MAX_BYTES,
	type Analysis,
	type FileProblem,
	type ImportRow,
	type RowProblem
} from '$lib/server/people/import';
import { formError } from '$lib/server/forms/validate';
import { sendMailsInBackground } from '$lib/server/mail/outbox';
import type { Actions, PageServerLoad } from './$types';
import { invitationMail } from '$lib/server/people/invitation-mail';

const ROW_PROBLEMS: Record<RowProblem, () => string> = {
	name_required: () => m.admin_import_problem_name_required(),
	name_invalid: () => m.admin_import_problem_name_invalid(),
	formula: () => m.admin_import_problem_formula(),
	email_required: () => m.admin_import_problem_email_required(),
	email_invalid: () => m.admin_import_problem_email_invalid(),
	email_exists: () => m.admin_import_problem_email_exists(),
	invitation_pending: () => m.admin_import_problem_invitation_pending(),
	organisation_required: () => m.admin_import_problem_organisation_required(),
	organisation_invalid: () => m.admin_import_problem_organisation_invalid(),
	group_required: () => m.admin_import_problem_group_required(),
	group_unknown: () => m.admin_import_problem_group_unknown(),
	group_ambiguous: () => m.admin_import_problem_group_ambiguous(),
	duplicate: () => m.admin_import_problem_duplicate(),
	too_long: () => m.admin_import_problem_too_long()
};

const FILE_PROBLEMS: Record<FileProblem, () => string> = {
	too_large: () => m.admin_import_file_too_large({ mb: IMPORT_MAX_BYTES / 1024 / 1024 }),
	not_csv: () => m.admin_import_file_not_csv(),
	empty: () => m.admin_import_file_empty(),
	missing_columns: () => m.admin_import_file_missing_columns(),
	too_many_rows: () => m.admin_import_file_too_many_rows()
};

function describe(row: ImportRow) {
	return {
		row: row.row,
		name: row.name,
		email: row.email,
		organisation: row.organisation,
		group: row.group,
		problems: row.problems.map((p) =>
			p === 'duplicate' && row.duplicateOf
				? m.admin_import_problem_duplicate_of({ row: row.duplicateOf })
				: ROW_PROBLEMS[p]()
		)
	};
}

/** What the page shows: the preview table and, for a clean file, the text to confirm. */
function preview(analysis: Extract<Analysis, { ok: true }>) {
	return {
		preview: {
			encoding: analysis.encoding,
			separator: analysis.separator,
			rows: analysis.rows.map(describe),
			problemCount: analysis.problemCount,
			csv: analysis.problemCount === 0 ? analysis.text : ''
		}
	};
}

function fileFailure(analysis: Extract<Analysis, { ok: false }>) {
	const message = FILE_PROBLEMS[analysis.fileProblem]();
	return fail(400, { values: {}, errors: formError(message) });
}

export const load = ((event) => {
	requireRole(event, 'admin');
	return {};
}) satisfies PageServerLoad;

export const actions = {
	preview: async (event) => {
		requireRole(event, 'admin');
		const form = await event.request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { values: {}, errors: { file: m.admin_import_file_required() } });
		if (file.size > IMPORT_MAX_BYTES) return fail(400, { values: {}, errors: { file: FILE_PROBLEMS.too_large() } });
		const analysis = analyseFile(new Uint8Array(await file.arrayBuffer()));
		if (!analysis.ok) return fileFailure(analysis);
		if (analysis.problemCount > 0) return fail(400, preview(analysis));
		return preview(analysis);
	},
	confirm: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await event.request.formData();
		const csv = form.get('csv');
		const encoding: Encoding = form.get('encoding') === 'windows-1250' ? 'windows-1250' : 'utf-8';
		if (typeof csv !== 'string' || csv === '' || csv.length > IMPORT_MAX_BYTES)
			return fail(400, { values: {}, errors: formError(m.admin_import_file_required()) });
		const result = commitImport(csv, encoding, admin.id);
		if (!result.ok) {
			// Something changed since the preview (an account or a group): show the file again, nothing written.
			if (!result.analysis.ok) return fileFailure(result.analysis);
			return fail(400, { ...preview(result.analysis), errors: formError(m.admin_import_changed()) });
		}
		const link = (token: string) => `${event.url.origin}/invitation/${token}`;
		sendMailsInBackground(
			result.invited.map((invited) =>
				invitationMail({
					to: invited.email,
					role: 'learner',
					link: link(invited.token),
					groupId: invited.groupId,
					invitedBy: admin.id
				})
			)
		);
		return { imported: result.invited.length };
	}
} satisfies Actions;
