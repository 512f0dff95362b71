// When a quiz's answer key (right answers, explanations, option feedback) may be shown, and which quiz policies
// a counted quiz may have. Pure: both are tested case by case, and content:check uses the second.
import type { QuizFile } from '../content/schema';

type Policy = Pick<QuizFile, 'feedback' | 'attempts' | 'required'>;

export interface KeyFacts {
	/** The learner has passed the quiz in some attempt. */
	passed: boolean;
	/** Submitted attempts so far. */
	attemptsUsed: number;
}

/** Whether the learner may start another attempt as far as the attempt limit goes (0 = unlimited). */
export function retriesRemain(quiz: Pick<QuizFile, 'attempts'>, attemptsUsed: number): boolean {
	return quiz.attempts === 0 || attemptsUsed < quiz.attempts;
}

/**
 * The key is a reward, not a leak: it is shown after a pass, or once no attempt is left. While another attempt
 * is allowed a failed attempt's review shows which questions were wrong, never the right answers. Only a practice
 * quiz (`required: false`) with `feedback: after_submit` shows everything at once. A counted quiz with
 * `after_submit` and retries (which content:check refuses) is treated as `after_pass`.
 */
export function keysVisible(quiz: Policy, facts: KeyFacts): boolean {
	if (facts.passed) return true;
	if (!retriesRemain(quiz, facts.attemptsUsed)) return true;
	return quiz.feedback === 'after_submit' && !quiz.required;
}

/**
 * Problems with a counted quiz's policy (empty for a practice quiz): it must not show the key of a failed
 * attempt while retries remain, guessing must cost something (a limit of attempts or a wait between them), and
 * its questions must be drawn from a pool larger than the draw (so two attempts differ).
 */
export function countedQuizPolicyProblems(
	quiz: Pick<QuizFile, 'feedback' | 'attempts' | 'required' | 'wait_minutes' | 'draw'> & { questions: unknown[] }
): string[] {
	if (!quiz.required) return [];
	const problems: string[] = [];
	if (quiz.feedback === 'after_submit' && quiz.attempts !== 1)
		problems.push(
			'feedback: after_submit shows the key of a failed attempt while retries remain; a counted quiz (required: true) needs feedback: after_pass or attempts: 1'
		);
	if (quiz.attempts === 0 && quiz.wait_minutes <= 0)
		problems.push(
			'a counted quiz needs a limit of attempts (attempts > 0) or a wait between attempts (wait_minutes > 0)'
		);
	if (quiz.attempts !== 1 && !(quiz.draw > 0 && quiz.draw < quiz.questions.length))
		problems.push(
			`a counted quiz draws its questions from a larger pool: draw must be more than 0 and less than the ${quiz.questions.length} questions`
		);
	return problems;
}
