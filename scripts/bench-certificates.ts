// How long a certificate takes to render, and a ZIP of 200 (the trainer's bulk download).
//   npx tsx scripts/bench-certificates.ts [runs]
import { renderCertificatePdf } from '../src/lib/server/certificates/pdf';
import { zipCertificates } from '../src/lib/server/certificates/zip';

const runs = Number(process.argv[2] ?? 100);
const options = {
	verifyUrl: 'https://akademia.example.pl/verify/K7M2Q-9XWZ4',
	wordingPl: 'potwierdza ukończenie kursu e-learningowego',
	wordingEn: 'certifies completion of the e-learning course',
	courseTitleEn: 'Intercultural competence: the Middle East and the Far East',
	bilingual: true
};
const cert = (i: number) => ({
	code: `K7M2Q-${String(i).padStart(5, '0')}`,
	nameAsPrinted: `Łucja Żółkiewska-Gęślak ${i}`,
	courseTitle: 'Kompetencje międzykulturowe: Bliski i Daleki Wschód',
	hours: 5,
	completedAt: new Date(Date.UTC(2026, 10, 20)),
	issuer: 'Akademia współpracy międzynarodowej samorządów',
	issuedAt: new Date(Date.UTC(2026, 10, 21))
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Warm-up: the first render parses the fonts once per process.
let t = performance.now();
await renderCertificatePdf(cert(0), options);
console.log(`first render (parses fonts): ${(performance.now() - t).toFixed(1)} ms`);

// Wall time and this process's CPU time: on a shared machine the CPU time is the steadier figure.
const times: number[] = [];
const cpuTimes: number[] = [];
let bytes = 0;
for (let i = 1; i <= runs; i++) {
	t = performance.now();
	const cpu = process.cpuUsage();
	bytes = (await renderCertificatePdf(cert(i), options)).length;
	const used = process.cpuUsage(cpu);
	cpuTimes.push((used.user + used.system) / 1000);
	times.push(performance.now() - t);
}
console.log(
	`one certificate: median ${median(times).toFixed(1)} ms wall, ${median(cpuTimes).toFixed(1)} ms CPU ` +
		`over ${runs} runs (${(bytes / 1024).toFixed(1)} KiB each)`
);

const zipTimes: number[] = [];
const zipCpu: number[] = [];
let zipBytes = 0;
for (let r = 0; r < 3; r++) {
	t = performance.now();
	const cpu = process.cpuUsage();
	const files = [];
	for (let i = 0; i < 200; i++)
		files.push({ name: `zaswiadczenie-${i}.pdf`, data: await renderCertificatePdf(cert(i), options) });
	zipBytes = zipCertificates(files).length;
	zipTimes.push(performance.now() - t);
	const used = process.cpuUsage(cpu);
	zipCpu.push((used.user + used.system) / 1000);
}
console.log(
	`ZIP of 200: median ${median(zipTimes).toFixed(0)} ms wall, ${median(zipCpu).toFixed(0)} ms CPU over 3 runs (${(zipBytes / 1024 / 1024).toFixed(1)} MiB)`
);
