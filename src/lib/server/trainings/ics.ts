// A small iCalendar writer (RFC 5545): only what a training invitation needs. Pure, so it is unit-tested.
// Lines end with CRLF and are folded at 75 octets (never inside a UTF-8 character); TEXT values escape \ ; , and
// line breaks (3.3.11); times are written in UTC ("Z"), which every client converts to its own zone.

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export interface IcsPerson {
	name: string;
	email: string;
}

export interface IcsEvent {
	/** Stable per training date: an update or a cancellation must carry the same UID. */
	uid: string;
	/** Raised on every change (RFC 5546: a client ignores an update with a SEQUENCE it has already seen). */
	sequence: number;
	start: Date;
	end: Date;
	summary: string;
	description?: string;
	location?: string;
	url?: string;
	organizer?: IcsPerson;
	attendee?: IcsPerson;
	cancelled?: boolean;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** TEXT escaping (RFC 5545 3.3.11): backslash first, then ; , and newlines. */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** A quoted parameter value (CN): DQUOTE, control characters and line breaks are not allowed inside. */
function paramValue(value: string): string {
	// eslint-disable-next-line no-control-regex -- control characters are what a parameter may not contain
	return `"${value.replace(/["\u0000-\u001f\u007f]/g, ' ')}"`;
}

/** Folds one content line: at most 75 octets per line, continuation lines start with one space (3.1). */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	if (encoder.encode(line).length <= MAX_OCTETS) return line;
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	// The first line holds 75 octets, continuation lines 74 plus the leading space.
	let limit = MAX_OCTETS;
	for (const char of line) {
		const size = encoder.encode(char).length;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
			limit = MAX_OCTETS - 1;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join(CRLF + ' ');
}

/** 20261207T124500Z */
export function icsDate(date: Date): string {
	return date
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

function eventLines(event: IcsEvent, method: IcsMethod, stamp: Date): string[] {
	const lines = [
		'BEGIN:VEVENT',
		`UID:${event.uid}`,
		`SEQUENCE:${event.sequence}`,
		`DTSTAMP:${icsDate(stamp)}`,
		`DTSTART:${icsDate(event.start)}`,
		`DTEND:${icsDate(event.end)}`,
		`SUMMARY:${escapeText(event.summary)}`
	];
	if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
	if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
	if (event.url) lines.push(`URL:${event.url}`);
	if (event.organizer) lines.push(`ORGANIZER;CN=${paramValue(event.organizer.name)}:mailto:${event.organizer.email}`);
	if (event.attendee)
		lines.push(
			`ATTENDEE;CN=${paramValue(event.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=${
				method === 'REQUEST' ? 'NEEDS-ACTION' : 'DECLINED'
			};RSVP=FALSE:mailto:${event.attendee.email}`
		);
	lines.push(`STATUS:${method === 'CANCEL' || event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`);
	lines.push('TRANSP:OPAQUE', 'END:VEVENT');
	return lines;
}

/** A whole calendar object; `stamp` is DTSTAMP (when the object was created: the caller's clock). */
export function buildCalendar(method: IcsMethod, events: IcsEvent[], stamp: Date): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Akademia//Szkolenia//PL',
		'CALSCALE:GREGORIAN',
		`METHOD:${method}`,
		...events.flatMap((event) => eventLines(event, method, stamp)),
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join(CRLF) + CRLF;
}

/** The content type of an attachment or a download with this method. */
export function calendarContentType(method: IcsMethod): string {
	return `text/calendar; method=${method}; charset=UTF-8`;
}
