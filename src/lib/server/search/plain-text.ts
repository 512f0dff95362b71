// A lesson's source as plain text for searching and for showing a passage: frontmatter, markdown marks and
// component tags go; what a reader sees stays (text inside components, callout titles, scenario choices,
// glossary definitions, figure captions and alt texts).

const ATTRIBUTE_TEXT = /\b(?:title|label|def|alt|caption)="([^"]*)"/g;

export function lessonPlainText(source: string): string {
	const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
	return (
		body
			// Attribute texts a reader sees, kept in place of their tag.
			.replace(/<[A-Z][^>]*>/g, (tag) => [...tag.matchAll(ATTRIBUTE_TEXT)].map((m) => ` ${m[1]} `).join(''))
			.replace(/<\/?[A-Za-z][^>]*>/g, ' ')
			// DoDont lists: dos={[„…”, …]}: keep the strings.
			.replace(/[{}[\]]/g, ' ')
			.replace(/^#{1,6}\s+/gm, '')
			.replace(/\*\*|__|\*|`/g, '')
			.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/^\s*[-+]\s+/gm, '')
			.replace(/\s+/g, ' ')
			.trim()
	);
}
