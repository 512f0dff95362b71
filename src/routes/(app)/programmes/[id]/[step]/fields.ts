import { createContext } from 'svelte';

/**
 * What every field of a step form reads: the value the page holds (the stored one, or what the failed save sent
 * back), the errors to show beside it, and whether the draft is only viewed. The page provides it; the step
 * components and their fields read it, so the field names stay those the no-JS form and the autosave share.
 */
export type StepForm = {
	/** The first value of a field, or ''. */
	v(name: string): string;
	/** Whether a multi-value field (checkboxes) holds this value. */
	has(name: string, value: string): boolean;
	readonly errors: Record<string, string>;
	readonly disabled: boolean;
};

export const [getStepForm, setStepForm] = createContext<StepForm>();

/** The id of a field's hint and error, for aria-describedby ('' when there is neither). */
export function describedBy(name: string, hint: string, error: string | undefined): string | undefined {
	return [hint && `hint-${name}`, error && `err-${name}`].filter(Boolean).join(' ') || undefined;
}
