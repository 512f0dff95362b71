// When a lesson counts as completed: on the server's own records, never on the browser's word. The learner must
// have reached the lesson's end (the page reported it) and spent at least a share of its planned minutes on it
// (active time from capped heartbeats, progress/record.ts). Pure, so each case is tested on its own.

/**
 * The share of a lesson's planned `minutes` that must be recorded as active time: a third. An honest reader
 * who skims a 9-minute lesson in 3 minutes still completes it; a script that opens the page and claims the end
 * at once does not. A lower share would let a skim of the headings count; a higher one would make a fast,
 * attentive reader wait on the page, which the issue forbids.
 */
export const COMPLETION_TIME_SHARE = 1 / 3;

/** Whole seconds of active time a lesson of `minutes` planned minutes needs before it can be completed. */
export function requiredSeconds(minutes: number): number {
	return Math.ceil(Math.max(0, minutes) * 60 * COMPLETION_TIME_SHARE);
}

export interface LessonEvidence {
	/** Active seconds recorded for the lesson. */
	seconds: number;
	/** The lesson's planned minutes (front matter). */
	minutes: number;
	/** Whether the page reported the end of the lesson reached. */
	endReached: boolean;
}

export interface LessonCompletionCheck {
	complete: boolean;
	/** Seconds still missing (0 when there is enough time). */
	missingSeconds: number;
	requiredSeconds: number;
	endReached: boolean;
}

export function checkLessonCompletion(evidence: LessonEvidence): LessonCompletionCheck {
	const required = requiredSeconds(evidence.minutes);
	const missingSeconds = Math.max(0, required - Math.max(0, evidence.seconds));
	return {
		complete: evidence.endReached && missingSeconds === 0,
		missingSeconds,
		requiredSeconds: required,
		endReached: evidence.endReached
	};
}
