// Whole, evenly spaced ticks for a count axis (0, step, 2·step, …, top ≥ max) with at most `most` intervals:
// "0, 1, 2" for small counts, "0, 5, 10, 15" for larger ones, never "0, 2, 3".

const STEPS = [1, 2, 5];

export function countTicks(max: number, most = 5): { ticks: number[]; top: number } {
	const highest = Math.max(1, Math.ceil(max));
	let step = 1;
	for (let scale = 1; ; scale *= 10) {
		const found = STEPS.map((s) => s * scale).find((s) => Math.ceil(highest / s) <= most);
		if (found) {
			step = found;
			break;
		}
	}
	const top = Math.ceil(highest / step) * step;
	const ticks: number[] = [];
	for (let t = 0; t <= top; t += step) ticks.push(t);
	return { ticks, top };
}
