// Components lesson authors use in lessons/**/*.md; the preprocessor imports them (docs/CONTENT-FORMAT.md).
export { default as Callout } from './Callout.svelte';
export { default as Choice } from './Choice.svelte';
export { default as DoDont } from './DoDont.svelte';
export { default as Figure } from './Figure.svelte';
export { default as Scenario } from './Scenario.svelte';
export { default as Source } from './Source.svelte';
export { default as Term } from './Term.svelte';
