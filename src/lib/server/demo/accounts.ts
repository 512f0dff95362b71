// The quick start's three demo accounts (one per role) and the ids the feature seeds receive.
export const DEMO_PASSWORD = 'akademia-demo';
export const DEMO_ACCOUNTS = [
	{
		email: 'admin@akademia.test',
		name: 'Anna Administratorka',
		organisation: 'Związek Gmin i Powiatów',
		role: 'admin'
	},
	{
		email: 'trener@akademia.test',
		name: 'Tomasz Trenerski',
		organisation: 'Akademia Współpracy Zagranicznej',
		role: 'trainer'
	},
	{
		email: 'kursant@akademia.test',
		name: 'Łucja Żółkiewska-Gęślak',
		organisation: 'Urząd Gminy Gródek nad Dunajcem',
		role: 'learner'
	}
] as const;

export type DemoIds = Record<(typeof DEMO_ACCOUNTS)[number]['role'], string>;
