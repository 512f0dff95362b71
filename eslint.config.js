import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'src/lib/paraglide/', 'test-results/', 'playwright-report/', 'data/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// The app has no base path, so plain hrefs are what resolve() would return.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	{
		// No import circle in the app: a concern imports what it builds on, never back up (demo data, for one, is
		// seeded from demo/ and imported by nothing but the server start). The resolver reads tsconfig (and so
		// .svelte-kit/tsconfig.json), so `$lib` imports are followed like relative ones.
		files: ['src/**/*.ts', 'src/**/*.js', 'src/**/*.svelte'],
		plugins: { 'import-x': importX },
		settings: {
			'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
			// Modules are followed through .ts and .js files; a component is an end point (nothing imports back up into
			// one), so .svelte files are checked for what they import but not parsed as dependencies.
			'import-x/extensions': ['.ts', '.js'],
			'import-x/ignore': ['\\.svelte$'],
			'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.js'] }
		},
		rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] }
	},
	{
		// Demo data sits on top: it may import any concern, no concern (nor its types) imports it back.
		files: ['src/lib/**/*.ts', 'src/lib/**/*.js', 'src/lib/**/*.svelte', 'src/routes/**'],
		ignores: ['src/lib/server/demo/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['**/server/demo/*', '**/demo/*'], message: 'Demo data is seeded from demo/ only.' }] }
			]
		}
	},
	{
		// Promises, as immich checks them: every promise in app code is awaited, returned or explicitly let go with
		// `void` (and a comment saying why); no promise where a plain value is expected (an if, a handler).
		files: ['src/**/*.ts', 'src/**/*.js', 'src/**/*.svelte'],
		ignores: ['src/lib/paraglide/**'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error'
		}
	}
);
