import { openDatabase, setDb } from '../src/lib/server/db';
import { loadResponses } from '../src/lib/server/surveys/report';
import { surveyResults } from '../src/lib/server/surveys/aggregate';
import { loadCourses } from './generate';
import { loadSurvey } from './generate-extra';
const db = openDatabase('/tmp/perf-bench/t1k.db');
setDb(db);
const survey = loadSurvey(loadCourses());
const labels = { other: 'inne', merged: 'pozostałe' };
const rs = loadResponses(survey);
for (let i = 0; i < 5; i++) {
	const t = performance.now();
	surveyResults(survey, rs, labels);
	console.log((performance.now() - t).toFixed(1));
}
