// Live sessions are typed as a Polish wall-clock date and time; the database holds the instant.
export const TIME_ZONE = 'Europe/Warsaw';

/** Minutes Warsaw is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: number): number {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone: TIME_ZONE,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit'
		})
			.formatToParts(new Date(instant))
			.map((p) => [p.type, p.value])
	);
	const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
	return Math.round((asUtc - Math.floor(instant / 60000) * 60000) / 60000);
}

/** "2026-12-03" + "09:30" in Warsaw -> the instant; null for an impossible date or time. */
export function warsawToInstant(date: string, time: string): Date | null {
	const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	const t = /^(\d{2}):(\d{2})$/.exec(time);
	if (!d || !t) return null;
	const [y, mo, da, h, mi] = [+d[1], +d[2], +d[3], +t[1], +t[2]];
	if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59) return null;
	const wall = Date.UTC(y, mo - 1, da, h, mi);
	if (new Date(wall).getUTCDate() !== da) return null;
	// Two passes settle the offset around a change of clocks.
	let instant = wall - offsetMinutes(wall) * 60000;
	instant = wall - offsetMinutes(instant) * 60000;
	return new Date(instant);
}
