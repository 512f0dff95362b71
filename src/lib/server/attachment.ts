// The Content-Disposition of every download: the UTF-8 name for today's browsers (RFC 6266 filename*), and an
// ASCII name for older ones, with Polish letters folded ("Małopolska" -> "Malopolska", not "Ma-opolska").

/** "Postępy – Grupa Łódź.csv" -> "Postepy-Grupa-Lodz.csv". */
export function asciiFilename(filename: string): string {
	return filename
		.replace(/ł/g, 'l')
		.replace(/Ł/g, 'L')
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.replace(/[^\w.-]+/g, '-');
}

export function attachmentDisposition(filename: string): string {
	return `attachment; filename="${asciiFilename(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
