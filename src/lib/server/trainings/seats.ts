// Seat and waitlist arithmetic, pure: the registration transaction counts the rows and asks these functions.
import type { RegistrationStatus } from '../db/schema';

/** Seats still free (never below 0, even when an organiser lowered the seats under the confirmed count). */
export function seatsLeft(seats: number, confirmed: number): number {
	return Math.max(0, seats - confirmed);
}

/**
 * The status of a new registration. With approval on it waits for the superior and takes no seat yet; otherwise
 * it takes a free seat or goes on the waitlist.
 */
export function statusForNew(input: {
	seats: number;
	confirmed: number;
	requiresApproval: boolean;
}): RegistrationStatus {
	if (input.requiresApproval) return 'pending_approval';
	return seatsLeft(input.seats, input.confirmed) > 0 ? 'confirmed' : 'waitlisted';
}

/** The status after the superior approves: a free seat, else the waitlist. */
export function statusAfterApproval(seats: number, confirmed: number): RegistrationStatus {
	return seatsLeft(seats, confirmed) > 0 ? 'confirmed' : 'waitlisted';
}

/** How many of the waitlist move up now (after a cancellation or more seats). */
export function promotions(seats: number, confirmed: number, waitlisted: number): number {
	return Math.min(waitlisted, seatsLeft(seats, confirmed));
}

/** The next place at the end of the waitlist. */
export function nextWaitlistSeq(maxSeq: number | null | undefined): number {
	return (maxSeq ?? 0) + 1;
}

/** Which transitions a person, a superior or an organiser may make. */
const TRANSITIONS: Record<RegistrationStatus, RegistrationStatus[]> = {
	pending_approval: ['confirmed', 'waitlisted', 'declined', 'cancelled'],
	waitlisted: ['confirmed', 'cancelled'],
	confirmed: ['cancelled'],
	cancelled: [],
	declined: []
};

export function canMove(from: RegistrationStatus, to: RegistrationStatus): boolean {
	return TRANSITIONS[from].includes(to);
}

/** Statuses that hold a place (a seat, the waitlist or an approval under way): one per e-mail and training. */
export const ACTIVE_STATUSES: RegistrationStatus[] = ['pending_approval', 'confirmed', 'waitlisted'];
