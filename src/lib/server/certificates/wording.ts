// The words printed on a certificate, in Polish and English. Fixed here (not in the UI catalogue) because a
// certificate reads the same whatever language its downloader uses.
const MONTHS_PL = [
	'stycznia',
	'lutego',
	'marca',
	'kwietnia',
	'maja',
	'czerwca',
	'lipca',
	'sierpnia',
	'września',
	'października',
	'listopada',
	'grudnia'
];
const MONTHS_EN = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** The calendar day in Poland, whatever the server's time zone. */
const warsaw = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Warsaw',
	year: 'numeric',
	month: 'numeric',
	day: 'numeric'
});

function polishDay(date: Date): { year: number; month: number; day: number } {
	const parts = warsaw.formatToParts(date);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return { year: get('year'), month: get('month'), day: get('day') };
}

export function dateLongPl(date: Date): string {
	const { year, month, day } = polishDay(date);
	return `${day} ${MONTHS_PL[month - 1]} ${year} r.`;
}

export function dateLongEn(date: Date): string {
	const { year, month, day } = polishDay(date);
	return `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** "w wymiarze 1 godziny / 1,5 godziny / 4 godzin" (the genitive after "w wymiarze"). */
export function hoursPl(hours: number): string {
	const number = String(hours).replace('.', ',');
	return `${number} ${hours === 1 || !Number.isInteger(hours) ? 'godziny' : 'godzin'}`;
}

export function hoursEn(hours: number): string {
	return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}
