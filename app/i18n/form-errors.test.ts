import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'
import { formErrorCatalogue, translateFormError } from './form-errors'
import { placeholdersOf } from './translator'

const formsDir = path.join(process.cwd(), 'app', 'forms')

/** A sentence a person reads: a capital (or an opening quote) first, a space inside, a full stop or colon last. */
function isSentence(text: string): boolean {
	return /^[A-Z“]/.test(text) && text.includes(' ') && /[.:)]$/.test(text.trim())
}

/**
 * Every text an expression can be, with each interpolated value as a sample ("7"), except a choice between
 * written words (`n === 1 ? 'minute' : 'minutes'`), which gives one text per word; `a + b` joins them.
 */
function textsOf(node: ts.Expression, source: ts.SourceFile): string[] | null {
	if (ts.isParenthesizedExpression(node)) return textsOf(node.expression, source)
	if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text]
	if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
		const left = textsOf(node.left, source)
		const right = textsOf(node.right, source)
		if (!left || !right) return null
		return left.flatMap((a) => right.map((b) => a + b))
	}
	if (ts.isConditionalExpression(node)) {
		const whenTrue = textsOf(node.whenTrue, source)
		const whenFalse = textsOf(node.whenFalse, source)
		if (whenTrue && whenFalse) return [...whenTrue, ...whenFalse]
		return null
	}
	if (ts.isTemplateExpression(node)) {
		let texts = [node.head.text]
		for (const span of node.templateSpans) {
			const inner = ts.isConditionalExpression(span.expression) ? textsOf(span.expression, source) : null
			const values = inner ?? ['7']
			texts = texts.flatMap((text) => values.map((value) => text + value + span.literal.text))
		}
		return texts
	}
	return null
}

/** The messages the forms' schemas and helpers can produce, as literals of app/forms/*.ts. */
function formMessages(): Array<{ file: string; message: string }> {
	const found: Array<{ file: string; message: string }> = []
	const files = readdirSync(formsDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
	for (const name of files) {
		const source = ts.createSourceFile(
			name,
			readFileSync(path.join(formsDir, name), 'utf8'),
			ts.ScriptTarget.Latest,
			true,
		)
		const visit = (node: ts.Node) => {
			const isText =
				ts.isStringLiteral(node) ||
				ts.isNoSubstitutionTemplateLiteral(node) ||
				ts.isTemplateExpression(node) ||
				(ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
			// A part of a longer message (`'…' + '…'`) is read with the whole.
			const partOfConcatenation =
				node.parent !== undefined &&
				ts.isBinaryExpression(node.parent) &&
				node.parent.operatorToken.kind === ts.SyntaxKind.PlusToken
			if (isText && !partOfConcatenation && ts.isExpression(node)) {
				for (const message of textsOf(node, source) ?? []) {
					if (isSentence(message)) found.push({ file: name, message })
				}
				if (!ts.isTemplateExpression(node)) return
			}
			ts.forEachChild(node, visit)
		}
		visit(source)
	}
	return found
}

describe('the form messages’ catalogue', () => {
	test('has Russian and Kazakh for every message of the forms', () => {
		const messages = formMessages()
		// The collection itself works: it finds the builders' messages, filled-in and joined ones too.
		expect(messages.map((m) => m.message)).toEqual(
			expect.arrayContaining([
				'Use at most 7 characters.',
				'Reload the page and try again.',
				'Your password is changed, and you are signed out on 7 other devices.',
				'Someone else changed this account while you had this page open, so nothing was saved. The page now shows the account as it is; please check it and try again.',
			]),
		)
		for (const locale of ['ru', 'kk'] as const) {
			const missing = messages.filter(({ message }) => translateFormError(message, locale) === null)
			expect({ locale, missing }).toEqual({ locale, missing: [] })
		}
	})

	test('every entry fills the same placeholders in every language, and is listed once', () => {
		for (const entry of formErrorCatalogue) {
			const english = placeholdersOf(entry.en).join()
			expect({ entry: entry.en, ru: placeholdersOf(entry.ru).join() }).toEqual({
				entry: entry.en,
				ru: english,
			})
			expect({ entry: entry.en, kk: placeholdersOf(entry.kk).join() }).toEqual({
				entry: entry.en,
				kk: english,
			})
		}
		const texts = formErrorCatalogue.map((entry) => entry.en)
		expect(texts.filter((text, index) => texts.indexOf(text) !== index)).toEqual([])
	})

	test('puts the values back, numbers written the language’s way, and translates the parts it knows', () => {
		expect(translateFormError('Use at most 2,000 characters.', 'ru')).toBe('Не больше 2\u00a0000 символов.')
		expect(translateFormError('Use at most 2,000 characters.', 'kk')).toBe('2\u00a0000 таңбадан аспасын.')
		expect(translateFormError('Too many unsuccessful sign-in attempts. Try again in 15 minutes.', 'ru')).toBe(
			'Слишком много неудачных попыток входа. Попробуйте снова через 15 минут.',
		)
		expect(translateFormError('Too many unsuccessful sign-in attempts. Try again in 1 minute.', 'kk')).toBe(
			'Кіру әрекеттері тым көп рет сәтсіз болды. 1 минуттан кейін қайталап көріңіз.',
		)
		expect(translateFormError('The role is now Admin.', 'ru')).toBe('Новая роль: Администратор.')
		// A value someone typed stays as typed.
		expect(
			translateFormError('“Budget 2024” is rejected: a status rests only on approved evidence.', 'ru'),
		).toBe('Источник «Budget 2024» отклонён: статус основывается только на одобренных источниках.')
	})

	test('leaves English as it is, and says when it does not know a message', () => {
		expect(translateFormError('Enter a name.', 'en')).toBe('Enter a name.')
		expect(translateFormError('A message nobody wrote down.', 'ru')).toBeNull()
		// A part of messages is not a message by itself.
		expect(translateFormError('Admin', 'ru')).toBeNull()
	})
})
