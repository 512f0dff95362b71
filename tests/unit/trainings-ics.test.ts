import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, icsDate, type IcsEvent } from '$lib/server/trainings/ics';

const event: IcsEvent = {
	uid: 'training-day-abc@akademia',
	sequence: 3,
	start: new Date('2027-03-10T08:00:00Z'),
	end: new Date('2027-03-10T14:00:00Z'),
	summary: 'Protokół; precedencja, tytulatura \\ praktyka',
	location: 'Kraków, ul. Basztowa 22',
	description: 'Linia 1\nLinia 2',
	organizer: { name: 'Akademia', email: 'akademia@example.test' },
	attendee: { name: 'Łucja "Ż" Gęślak', email: 'lucja@gmina.test' }
};
const stamp = new Date('2027-01-01T12:00:00Z');
const octets = (s: string) => new TextEncoder().encode(s).length;

describe('RFC 5545 writer', () => {
	it('escapes backslash, semicolon, comma and line breaks in TEXT', () => {
		expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
	});

	it('folds at 75 octets without splitting a UTF-8 character, continuation lines start with a space', () => {
		const long = 'SUMMARY:' + 'żółć '.repeat(40);
		const folded = foldLine(long);
		const lines = folded.split('\r\n');
		expect(lines.length).toBeGreaterThan(1);
		for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
		for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(true);
		// Unfolding gives the original back (RFC 5545 3.1).
		expect(folded.replace(/\r\n /g, '')).toBe(long);
		expect(foldLine('SHORT:x')).toBe('SHORT:x');
	});

	it('writes a REQUEST with CRLF line ends, UTC times, UID, SEQUENCE, organiser and attendee', () => {
		const text = buildCalendar('REQUEST', [event], stamp);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		const lines = text.replace(/\r\n /g, '').split('\r\n');
		expect(lines).toContain('METHOD:REQUEST');
		expect(lines).toContain('UID:training-day-abc@akademia');
		expect(lines).toContain('SEQUENCE:3');
		expect(lines).toContain('DTSTART:20270310T080000Z');
		expect(lines).toContain('DTEND:20270310T140000Z');
		expect(lines).toContain('DTSTAMP:20270101T120000Z');
		expect(lines).toContain('SUMMARY:Protokół\\; precedencja\\, tytulatura \\\\ praktyka');
		expect(lines).toContain('DESCRIPTION:Linia 1\\nLinia 2');
		expect(lines).toContain('ORGANIZER;CN="Akademia":mailto:akademia@example.test');
		expect(lines.find((l) => l.startsWith('ATTENDEE'))).toBe(
			'ATTENDEE;CN="Łucja  Ż  Gęślak";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:lucja@gmina.test'
		);
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines.at(-2)).toBe('END:VCALENDAR');
		for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
	});

	it('a cancellation keeps the UID and says CANCELLED', () => {
		const lines = buildCalendar('CANCEL', [{ ...event, sequence: 4 }], stamp)
			.replace(/\r\n /g, '')
			.split('\r\n');
		expect(lines).toContain('METHOD:CANCEL');
		expect(lines).toContain('UID:training-day-abc@akademia');
		expect(lines).toContain('SEQUENCE:4');
		expect(lines).toContain('STATUS:CANCELLED');
	});

	it('formats instants as UTC basic format', () => {
		expect(icsDate(new Date('2027-07-01T06:05:04.123Z'))).toBe('20270701T060504Z');
	});
});
