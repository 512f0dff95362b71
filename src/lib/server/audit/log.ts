import { getDb, type Tx } from '../db';
import { auditLog } from '../db/schema';

export interface AuditEntry {
	actorId: string | null;
	action: string;
	subjectType?: string;
	subjectId?: string;
	details?: Record<string, unknown>;
}

/** Records who did what to whom. Pass `tx` so the entry commits with the change it describes. */
export function audit(entry: AuditEntry, tx: Tx = getDb()) {
	tx.insert(auditLog)
		.values({
			actorId: entry.actorId,
			action: entry.action,
			subjectType: entry.subjectType ?? '',
			subjectId: entry.subjectId ?? '',
			details: entry.details ?? null
		})
		.run();
}
