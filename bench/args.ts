// Command-line flags shared by `npm run bench` and `npm run bench:data`.
export const SIZES = [1000, 10000, 100000] as const;

export interface BenchArgs {
	size: number;
	db: string;
	seed: number;
	/** Seconds each measured scenario runs (state-changing ones also stop at their request budget). */
	duration: number;
	connections: number;
	force: boolean;
	skipBuild: boolean;
	port: number;
	/** Writes a V8 CPU profile of the server (bench/out/profiles/) for finding where the time goes. */
	profile: boolean;
	/** Logs the server's process.memoryUsage() at each scenario's peak, writes a heap snapshot after each (inspector on --port + 1). */
	heap: boolean;
	/** V8/Node flags for the server process (e.g. "--max-semi-space-size=16"), to compare heap settings. */
	nodeFlags: string[];
	/** Runs only the scenarios whose name contains this text, or any of several separated by commas. */
	only: string;
}

export function parseArgs(argv: string[]): BenchArgs {
	const args: BenchArgs = {
		size: 1000,
		db: 'bench/out/bench.db',
		seed: 20261126,
		duration: 10,
		connections: 100,
		force: false,
		skipBuild: false,
		port: 4300,
		profile: false,
		heap: false,
		nodeFlags: [],
		only: ''
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = () => inline ?? argv[++i];
		switch (flag) {
			case '--size':
				args.size = Number(value());
				break;
			case '--db':
				args.db = value();
				break;
			case '--seed':
				args.seed = Number(value());
				break;
			case '--duration':
				args.duration = Number(value());
				break;
			case '--connections':
				args.connections = Number(value());
				break;
			case '--port':
				args.port = Number(value());
				break;
			case '--force':
				args.force = true;
				break;
			case '--profile':
				args.profile = true;
				break;
			case '--node-flags':
				args.nodeFlags = value().split(' ').filter(Boolean);
				break;
			case '--heap':
				args.heap = true;
				break;
			case '--only':
				args.only = value();
				break;
			case '--skip-build':
				args.skipBuild = true;
				break;
			default:
				throw new Error(`unknown flag ${argv[i]} (see docs/PERFORMANCE.md)`);
		}
	}
	if (!Number.isInteger(args.size) || args.size < 1) throw new Error('--size must be a positive whole number');
	if (!(args.duration > 0 && args.duration <= 120)) throw new Error('--duration must be 1..120 seconds');
	if (!(args.connections >= 1 && args.connections <= 1000)) throw new Error('--connections must be 1..1000');
	if (!(args.port >= 1024 && args.port < 65536)) throw new Error('--port must be 1024..65535');
	return args;
}

/** Whether a scenario (or traced page) name is selected by --only ("" selects all; "a,b" selects either). */
export function selected(only: string, ...names: string[]): boolean {
	const wanted = only
		.split(',')
		.map((w) => w.trim())
		.filter(Boolean);
	return wanted.length === 0 || wanted.some((w) => names.some((n) => n.includes(w)));
}
