// Partner countries by ISO 3166-1 alpha-2 code, with the Polish name (English pages take ICU's, see countryName)
// and the region a submitted case gets by default (a case file states its region itself). A case naming a code
// missing here is refused by the validator: add the country here first.
export type Region = 'far-east' | 'middle-east' | 'other';

export interface Country {
	name: string;
	region: Region;
}

export const COUNTRIES: Record<string, Country> = {
	// Far East (East, South-East, South and Central Asia)
	CN: { name: 'Chiny', region: 'far-east' },
	HK: { name: 'Hongkong', region: 'far-east' },
	MO: { name: 'Makau', region: 'far-east' },
	TW: { name: 'Tajwan', region: 'far-east' },
	JP: { name: 'Japonia', region: 'far-east' },
	KR: { name: 'Korea Południowa', region: 'far-east' },
	MN: { name: 'Mongolia', region: 'far-east' },
	VN: { name: 'Wietnam', region: 'far-east' },
	TH: { name: 'Tajlandia', region: 'far-east' },
	KH: { name: 'Kambodża', region: 'far-east' },
	LA: { name: 'Laos', region: 'far-east' },
	MM: { name: 'Mjanma', region: 'far-east' },
	MY: { name: 'Malezja', region: 'far-east' },
	SG: { name: 'Singapur', region: 'far-east' },
	ID: { name: 'Indonezja', region: 'far-east' },
	PH: { name: 'Filipiny', region: 'far-east' },
	IN: { name: 'Indie', region: 'far-east' },
	PK: { name: 'Pakistan', region: 'far-east' },
	BD: { name: 'Bangladesz', region: 'far-east' },
	LK: { name: 'Sri Lanka', region: 'far-east' },
	NP: { name: 'Nepal', region: 'far-east' },
	KZ: { name: 'Kazachstan', region: 'far-east' },
	UZ: { name: 'Uzbekistan', region: 'far-east' },
	KG: { name: 'Kirgistan', region: 'far-east' },
	TJ: { name: 'Tadżykistan', region: 'far-east' },
	TM: { name: 'Turkmenistan', region: 'far-east' },
	// Middle East
	IL: { name: 'Izrael', region: 'middle-east' },
	PS: { name: 'Palestyna', region: 'middle-east' },
	TR: { name: 'Turcja', region: 'middle-east' },
	AE: { name: 'Zjednoczone Emiraty Arabskie', region: 'middle-east' },
	SA: { name: 'Arabia Saudyjska', region: 'middle-east' },
	QA: { name: 'Katar', region: 'middle-east' },
	KW: { name: 'Kuwejt', region: 'middle-east' },
	BH: { name: 'Bahrajn', region: 'middle-east' },
	OM: { name: 'Oman', region: 'middle-east' },
	YE: { name: 'Jemen', region: 'middle-east' },
	JO: { name: 'Jordania', region: 'middle-east' },
	LB: { name: 'Liban', region: 'middle-east' },
	SY: { name: 'Syria', region: 'middle-east' },
	IQ: { name: 'Irak', region: 'middle-east' },
	IR: { name: 'Iran', region: 'middle-east' },
	EG: { name: 'Egipt', region: 'middle-east' },
	AZ: { name: 'Azerbejdżan', region: 'middle-east' },
	GE: { name: 'Gruzja', region: 'middle-east' },
	AM: { name: 'Armenia', region: 'middle-east' },
	CY: { name: 'Cypr', region: 'middle-east' },
	// Other partners a case may involve besides the main one
	MA: { name: 'Maroko', region: 'other' },
	TN: { name: 'Tunezja', region: 'other' },
	AU: { name: 'Australia', region: 'other' },
	US: { name: 'Stany Zjednoczone', region: 'other' },
	CA: { name: 'Kanada', region: 'other' }
};

// English names come from the runtime's own ICU data (CLDR), so no list is kept twice; Polish ones are curated.
// A few CLDR names are not what an English reader types or expects ("Türkiye", "Hong Kong SAR China").
const englishNames = new Intl.DisplayNames(['en'], { type: 'region' });
const ENGLISH: Record<string, string> = { TR: 'Turkey', HK: 'Hong Kong', MO: 'Macau', PS: 'Palestine' };

/** The country's name in the page's language (Polish unless 'en'); the code itself when unknown. */
export function countryName(code: string, locale = 'pl'): string {
	const country = COUNTRIES[code];
	if (!country) return code;
	return locale === 'en' ? (ENGLISH[code] ?? englishNames.of(code) ?? country.name) : country.name;
}

/** Codes with their names in the page's language, sorted by name, for select boxes. */
export function countriesByName(
	codes: string[] = Object.keys(COUNTRIES),
	locale = 'pl'
): { code: string; name: string }[] {
	return codes
		.map((code) => ({ code, name: countryName(code, locale) }))
		.sort((a, b) => a.name.localeCompare(b.name, locale));
}
