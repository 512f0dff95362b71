// Gives every ## heading of rendered lesson HTML a stable id: the table of contents and "last position" use it.

export interface Heading {
	id: string;
	text: string;
}

const POLISH: Record<string, string> = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z' };

export function slugifyHeading(text: string): string {
	const slug = text
		.toLowerCase()
		.replace(/[ąćęłńóśźż]/g, (c) => POLISH[c])
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || 'sekcja';
}

const decode = (s: string) =>
	s
		.replace(/<[^>]*>/g, '')
		.replace(/&nbsp;|\u00a0/g, ' ')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();

/** Adds ids to <h2> elements (unique within the lesson) and lists them in order. */
export function addHeadingIds(html: string): { html: string; headings: Heading[] } {
	const headings: Heading[] = [];
	const used = new Set<string>();
	const out = html.replace(/<h2(\s[^>]*)?>([\s\S]*?)<\/h2>/g, (_, attrs: string | undefined, inner: string) => {
		const text = decode(inner);
		let id = 'h-' + slugifyHeading(text);
		for (let n = 2; used.has(id); n++) id = `h-${slugifyHeading(text)}-${n}`;
		used.add(id);
		headings.push({ id, text });
		return `<h2${(attrs ?? '').replace(/\sid="[^"]*"/, '')} id="${id}">${inner}</h2>`;
	});
	return { html: out, headings };
}
