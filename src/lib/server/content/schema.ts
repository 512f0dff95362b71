// One schema for everything authors write under lessons/ (see docs/CONTENT-FORMAT.md).
import { z } from 'zod';

export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, -)');
const text = z.string().trim().min(1, 'must not be empty');

export const courseFrontmatterSchema = z.strictObject({
	title: text,
	title_en: text.optional(),
	summary: text,
	summary_en: text.optional(),
	hours: z.number().positive().max(500),
	language: z.enum(['pl', 'en']).default('pl'),
	sequential: z.boolean().default(false),
	completion: z
		.strictObject({
			lessons: z.literal('all').default('all'),
			quizzes: z.literal('all').default('all'),
			attendance: z.number().int().min(0).default(0)
		})
		.default({ lessons: 'all', quizzes: 'all', attendance: 0 }),
	/** An evaluation survey (surveys/<slug>.yaml, kind: evaluation) offered after completion; never required. */
	evaluation: slugSchema.optional(),
	certificate: z.strictObject({
		wording_pl: text,
		wording_en: text.optional(),
		bilingual: z.boolean().default(false)
	})
});

export const moduleFrontmatterSchema = z.strictObject({
	title: text,
	objectives: z.array(text).default([])
});

export const lessonFrontmatterSchema = z.strictObject({
	title: text,
	minutes: z.number().int().min(1).max(60),
	objectives: z.array(text).default([])
});

const questionBase = {
	id: slugSchema,
	prompt: text,
	explanation: text,
	lesson: slugSchema.optional()
};

const choiceOption = z.strictObject({
	id: slugSchema,
	text: text,
	correct: z.boolean().default(false),
	feedback: text.optional()
});

const singleQuestion = z.strictObject({
	...questionBase,
	type: z.literal('single'),
	options: z.array(choiceOption).min(2)
});
const multipleQuestion = z.strictObject({
	...questionBase,
	type: z.literal('multiple'),
	options: z.array(choiceOption).min(2)
});
const trueFalseQuestion = z.strictObject({
	...questionBase,
	type: z.literal('truefalse'),
	answer: z.boolean(),
	feedback_wrong: text.optional()
});
const orderingQuestion = z.strictObject({
	...questionBase,
	type: z.literal('ordering'),
	items: z.array(z.strictObject({ id: slugSchema, text: text })).min(2, 'an ordering needs at least 2 items'),
	feedback_wrong: text.optional()
});
const matchingQuestion = z.strictObject({
	...questionBase,
	type: z.literal('matching'),
	pairs: z
		.array(z.strictObject({ id: slugSchema, left: text, right: text, feedback: text.optional() }))
		.min(2, 'a matching needs at least 2 pairs')
});
const judgementQuestion = z.strictObject({
	...questionBase,
	type: z.literal('judgement'),
	options: z
		.array(z.strictObject({ id: slugSchema, text: text, score: z.number().min(0).max(1), feedback: text }))
		.min(2)
});

export const questionSchema = z
	.discriminatedUnion('type', [
		singleQuestion,
		multipleQuestion,
		trueFalseQuestion,
		orderingQuestion,
		matchingQuestion,
		judgementQuestion
	])
	.superRefine((q, ctx) => {
		const ids =
			q.type === 'ordering'
				? q.items.map((i) => i.id)
				: q.type === 'matching'
					? q.pairs.map((p) => p.id)
					: q.type === 'truefalse'
						? []
						: q.options.map((o) => o.id);
		const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
		if (duplicate) ctx.addIssue({ code: 'custom', message: `duplicate option id "${duplicate}"` });
		if (q.type === 'single' && q.options.filter((o) => o.correct).length !== 1)
			ctx.addIssue({ code: 'custom', path: ['options'], message: 'exactly one option must be correct' });
		if (q.type === 'multiple' && !q.options.some((o) => o.correct))
			ctx.addIssue({ code: 'custom', path: ['options'], message: 'at least one option must be correct' });
		if (q.type === 'judgement' && !q.options.some((o) => o.score === 1))
			ctx.addIssue({ code: 'custom', path: ['options'], message: 'at least one option must score 1' });
		if (q.type === 'matching') {
			const rights = q.pairs.map((p) => p.right);
			if (new Set(rights).size !== rights.length)
				ctx.addIssue({ code: 'custom', path: ['pairs'], message: 'two pairs have the same right side' });
		}
	});

export const quizSchema = z.strictObject({
	title: text.optional(),
	pass_mark: z.number().min(0).max(100).default(70),
	attempts: z.number().int().min(0).default(0),
	wait_minutes: z.number().min(0).default(0),
	time_limit_minutes: z.number().min(0).default(0),
	draw: z.number().int().min(0).default(0),
	shuffle_questions: z.boolean().default(true),
	shuffle_options: z.boolean().default(true),
	feedback: z.enum(['after_submit', 'after_pass']).default('after_submit'),
	required: z.boolean().default(true),
	questions: z.array(questionSchema).min(1, 'a quiz needs at least one question')
});

export type CourseFrontmatter = z.infer<typeof courseFrontmatterSchema>;
export type ModuleFrontmatter = z.infer<typeof moduleFrontmatterSchema>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
export type QuizFile = z.infer<typeof quizSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
