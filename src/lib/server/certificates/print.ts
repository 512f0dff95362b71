// What a route needs to print a certificate: the row plus the course's wording and the verification link.
import { Worker } from 'node:worker_threads';
import { getCourse } from '../content';
import type { Certificate } from '../db/schema';
import type { CertificateToPrint, PrintOptions } from './pdf';

export function verifyUrl(origin: string, code: string): string {
	return `${origin.replace(/\/$/, '')}/verify/${code}`;
}

export function printCertificate(cert: Certificate, origin: string): Promise<Uint8Array> {
	const course = getCourse(cert.courseSlug);
	return render(cert, {
		verifyUrl: verifyUrl(origin, cert.code),
		wordingPl: course?.certificate.wording_pl ?? 'potwierdza ukończenie kursu',
		wordingEn: course?.certificate.wording_en,
		courseTitleEn: course?.titleEn,
		bilingual: course?.certificate.bilingual ?? false
	});
}

// One render takes ~20 ms of CPU (docs/PERFORMANCE.md): on the event loop it held up every other request while
// PDFs were being downloaded. The built server renders in one worker thread instead (a pool of one: the machine
// has two cores, the main thread keeps the other), started at the first PDF and ended after a minute without
// one. The worker runs pdf.ts itself, so the bytes are the ones an in-process render gives. Where pdf.ts is not
// built JavaScript (unit tests, tsx scripts), or with CERT_PDF_IN_PROCESS=1 (a one-core machine), it renders in
// process. pdf.ts is imported when the first certificate is printed, so the build makes it a chunk of its own: the
// worker loads only it (pdf-lib, fontkit, qrcode and the fonts), and a server that prints nothing never loads them.
const IDLE_MS = 60_000;

interface Job {
	resolve: (bytes: Uint8Array) => void;
	reject: (error: Error) => void;
}
let worker: Worker | null = null;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 0;
const pending = new Map<number, Job>();

async function render(cert: CertificateToPrint, options: PrintOptions): Promise<Uint8Array> {
	const pdf = await import('./pdf');
	if (!pdf.PDF_WORKER_ENTRY.endsWith('.js') || process.env.CERT_PDF_IN_PROCESS === '1') {
		return pdf.renderCertificatePdf(cert, options);
	}
	clearTimeout(idleTimer);
	const id = ++nextId;
	return new Promise((resolve, reject) => {
		pending.set(id, { resolve, reject });
		pdfWorker(pdf.PDF_WORKER_ENTRY, pdf.PDF_WORKER_MARK).postMessage({ id, cert, options });
	});
}

function pdfWorker(entry: string, mark: string): Worker {
	if (worker) return worker;
	// One document at a time needs little heap; without limits V8 sizes the worker's heap from the machine's memory
	// and keeps what a burst of downloads grew it to.
	const started = new Worker(new URL(entry), {
		workerData: mark,
		resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 }
	});
	started.on('message', (answer: { id: number; bytes?: Uint8Array; error?: string }) => {
		const job = pending.get(answer.id);
		pending.delete(answer.id);
		if (answer.bytes) job?.resolve(answer.bytes);
		else job?.reject(new Error(`certificate PDF: ${answer.error}`));
		if (pending.size === 0) {
			idleTimer = setTimeout(() => void started.terminate(), IDLE_MS);
			idleTimer.unref();
		}
	});
	const fail = (error: Error) => {
		if (worker === started) worker = null;
		for (const job of pending.values()) job.reject(error);
		pending.clear();
	};
	started.on('error', fail);
	started.on('exit', (code) => fail(new Error(`certificate PDF worker stopped (${code})`)));
	// After the listeners: adding a 'message' listener refs the worker again, and a ref'd worker kept the server
	// from exiting on SIGTERM (adapter-node's graceful stop) once one PDF had been printed.
	started.unref();
	worker = started;
	return started;
}
