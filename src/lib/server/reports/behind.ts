// Who is behind for the next live session: a module due before it whose lessons are not all completed, or whose
// quiz (if it has one) is not passed. Pure, so the rule is tested on its own.

export interface ModuleProgress {
	lessonsDone: number;
	lessonsTotal: number;
	hasQuiz: boolean;
	passed: boolean;
}

/** The due modules this learner has not finished, in the order given. */
export function missingDueModules(
	dueModules: string[],
	progress: Record<string, ModuleProgress | undefined>
): string[] {
	return dueModules.filter((slug) => {
		const p = progress[slug];
		if (!p) return false; // a module no longer in the course cannot be done; not the learner's fault
		return p.lessonsDone < p.lessonsTotal || (p.hasQuiz && !p.passed);
	});
}
