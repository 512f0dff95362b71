import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDb } from '$lib/server/db';
import { auditLog, mailOutbox } from '$lib/server/db/schema';
import { randomId } from '$lib/server/ids';
import { RETENTION_DEFAULTS, retentionDays, retentionSettings, runMaintenance } from '$lib/server/maintenance';

const DAY = 86_400_000;

describe('retention settings', () => {
	it('defaults to 730 days of audit log and 90 days of outbox', () => {
		expect(retentionSettings({})).toEqual({ auditDays: 730, outboxDays: 90 });
		expect(retentionSettings({ AUDIT_RETENTION_DAYS: '365', OUTBOX_RETENTION_DAYS: '30' })).toEqual({
			auditDays: 365,
			outboxDays: 30
		});
	});

	it('never turns a bad value into "delete everything"', () => {
		fc.assert(
			fc.property(fc.string(), (value) => {
				const days = retentionDays(value, RETENTION_DEFAULTS.auditDays);
				expect(Number.isInteger(days) && days >= 1).toBe(true);
			})
		);
		for (const bad of ['0', '-5', 'abc', '', ' ', 'NaN', 'Infinity']) expect(retentionDays(bad, 90)).toBe(90);
	});
});

describe('runMaintenance retention', () => {
	it('deletes audit entries and outbox messages older than the retention, keeps newer ones', () => {
		const db = getDb();
		const now = Date.UTC(2026, 10, 26);
		const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
		db.insert(auditLog)
			.values([
				{ action: 'old', at: at(731) },
				{ action: 'edge', at: at(729) },
				{ action: 'new', at: at(1) }
			])
			.run();
		db.insert(mailOutbox)
			.values([
				{ id: randomId(), to: 'a@x.test', subject: 'old', body: '', createdAt: at(91) },
				{ id: randomId(), to: 'a@x.test', subject: 'keep', body: '', createdAt: at(89) }
			])
			.run();
		runMaintenance(now, { auditDays: 730, outboxDays: 90 });
		expect(
			db
				.select({ a: auditLog.action })
				.from(auditLog)
				.all()
				.map((r) => r.a)
		).toEqual(['edge', 'new']);
		expect(
			db
				.select({ s: mailOutbox.subject })
				.from(mailOutbox)
				.all()
				.map((r) => r.s)
		).toEqual(['keep']);
		runMaintenance(now, { auditDays: 30, outboxDays: 90 });
		expect(
			db
				.select({ a: auditLog.action })
				.from(auditLog)
				.all()
				.map((r) => r.a)
		).toEqual(['new']);
	});
});
