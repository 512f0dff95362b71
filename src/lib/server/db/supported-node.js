// better-sqlite3 13 (Node-API) crashes with a segmentation fault when it opens a database on Node 20, and
// better-sqlite3 12 aborts on Node 24: refuse an unsupported Node with a message before any database opens.
// Plain JavaScript so that the scripts run by plain `node` (migrate.js, backup.js) can use it too.

/** Node majors Akademia supports (docs/OPERATIONS.md says until when). */
export const SUPPORTED_NODE_MAJORS = [22, 24];

/**
 * The message for an unsupported Node version, or null when it is supported.
 * @param {string} version e.g. process.versions.node
 * @returns {string | null}
 */
export function unsupportedNodeMessage(version) {
	const major = Number(version.split('.')[0]);
	if (major >= SUPPORTED_NODE_MAJORS[0]) return null;
	return (
		`Akademia needs Node.js 22 or 24 (LTS); this is Node.js ${version}, which better-sqlite3 13 cannot run on. ` +
		'Install Node.js 24 (docs/OPERATIONS.md), or start the app with `npm start`, which uses the Node 24 that ' +
		'`npm install` placed in node_modules/.bin.'
	);
}

/** Stops the process with the message above on an unsupported Node; does nothing on a supported one. */
export function exitOnUnsupportedNode() {
	const message = unsupportedNodeMessage(process.versions.node);
	if (message) {
		console.error(message);
		process.exit(1);
	}
}
