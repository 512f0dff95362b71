import { printCertificate } from '$lib/server/certificates/print';
import { validCertificatesOfGroup } from '$lib/server/certificates/queries';
import { requireGroupApiAccess } from '$lib/server/groups/access';
import { fileNameFor, zipCertificates } from '$lib/server/certificates/zip';
import type { RequestHandler } from './$types';

// The valid certificates of a group's members for the group's course, as one ZIP: for the group's trainers and
// for admins (the same gate as every trainer export: another trainer gets 403).
export const GET = (async (event) => {
	const { group } = requireGroupApiAccess(event);
	const files = [];
	for (const cert of validCertificatesOfGroup(group.id)) {
		files.push({
			name: fileNameFor(cert.nameAsPrinted, cert.code),
			data: await printCertificate(cert, event.url.origin)
		});
		// About 20 ms of CPU each: let other requests in between, so a big group does not stall the server.
		await new Promise((resolve) => setImmediate(resolve));
	}
	const zip = zipCertificates(files);
	const safeGroup = fileNameFor(group.name, 'zaswiadczenia').replace(/\.pdf$/, '');
	return new Response(zip as Uint8Array<ArrayBuffer>, {
		headers: {
			'Content-Type': 'application/zip',
			'Content-Disposition': `attachment; filename="zaswiadczenia.zip"; filename*=UTF-8''${encodeURIComponent(safeGroup)}.zip`,
			'Content-Length': String(zip.length),
			'Cache-Control': 'private, no-store'
		}
	});
}) satisfies RequestHandler;
