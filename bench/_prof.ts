import { openDatabase, setDb } from '../src/lib/server/db';
import { loadResponses, surveyReport } from '../src/lib/server/surveys/report';
import { surveyResults } from '../src/lib/server/surveys/aggregate';
import { listTokens } from '../src/lib/server/surveys/responses';
import { loadCourses } from './generate';
import { loadSurvey } from './generate-extra';
const db = openDatabase('/tmp/perf-bench/t1k.db');
setDb(db);
const survey = loadSurvey(loadCourses());
const labels = { other: 'inne', merged: 'pozostałe' };
for (let i = 0; i < 3; i++) {
	let t = performance.now();
	const rs = loadResponses(survey);
	const a = performance.now() - t;
	t = performance.now();
	surveyResults(survey, rs, labels);
	const b = performance.now() - t;
	t = performance.now();
	surveyReport(survey, labels);
	const c = performance.now() - t;
	t = performance.now();
	const tk = listTokens(survey, true);
	const d = performance.now() - t;
	console.log({ load: a.toFixed(1), aggregate: b.toFixed(1), report: c.toFixed(1), tokens: d.toFixed(1), n: rs.length, tk: tk.length });
}
