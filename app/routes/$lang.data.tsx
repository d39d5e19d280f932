import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { JsonLd } from '~/components/json-ld'
import { fallbackLang, ScrollRegion } from '~/components/public-ui'
import { csvDownloads, downloadPath, type CsvDownload } from '~/data/download-files'
import { organizationName } from '~/i18n/content/about.server'
import { dataPage } from '~/i18n/content/data.server'
import type { LinkedSentence } from '~/i18n/content/types'
import { locales, requireLocale, type Locale } from '~/i18n/locales'
import { publicPageMeta } from '~/i18n/seo'
import { useI18n } from '~/i18n/use-i18n'
import { paths } from '~/models/paths'
import { listPlatforms, presentPlatform } from '~/models/platform.server'
import { datasetOf } from '~/models/structured-data'
import { useLanguageData } from '~/route-data'
import { publicPageHeaders } from '~/server/http-cache.server'
import { installation } from '~/server/installation.server'

export const headers = publicPageHeaders

/** The data's licence (README, Open data): CC BY 4.0, its deed in the reader's language where there is one. */
const licence = 'https://creativecommons.org/licenses/by/4.0/'
const licenceDeed: Record<Locale, string> = { en: licence, ru: `${licence}deed.ru`, kk: licence }

export async function loader({ params }: LoaderFunctionArgs) {
	const locale = requireLocale(params.lang)
	const platforms = await listPlatforms()
	return {
		content: dataPage[locale],
		organization: organizationName(locale, installation().organization),
		// The day a reader downloads on, for the citation (the page's ETag carries the UTC date too).
		today: new Date().toISOString().slice(0, 10),
		platforms: platforms.map((platform) => {
			const { slug, title, titleIsTranslated } = presentPlatform(platform, locale)
			return { slug, title, titleIsTranslated }
		}),
		// The dictionary in the reader's language only.
		files: csvDownloads.map((file) => ({
			name: file.name,
			fileName: file.fileName,
			description: file.description[locale],
			columns: file.columns.map((column) => ({ name: column.name, description: column.description[locale] })),
		})),
	}
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
	publicPageMeta(matches, ({ t }) => ({
		title: t('data.title'),
		description: t('data.description'),
		path: '/data',
	}))

type File = { name: CsvDownload['name']; fileName: CsvDownload['fileName']; description: string }

/** A file's name as a link that downloads it. */
function FileLink({ href, fileName }: { href: string; fileName: string }) {
	return (
		<a href={href} download translate="no">
			{fileName}
		</a>
	)
}

function Linked({ sentence, href }: { sentence: LinkedSentence; href: string }) {
	return (
		<>
			{sentence.before}
			<a href={href}>{sentence.link}</a>
			{sentence.after}
		</>
	)
}

export default function OpenData() {
	const { content, organization, today, platforms, files } = useLoaderData<typeof loader>()
	const { t, format, locale } = useI18n()
	const origin = useLanguageData()?.origin ?? ''
	const pageUrl = `${origin}${paths.data(locale)}`
	const dataset = datasetOf({
		url: pageUrl,
		name: t('data.title'),
		description: t('data.description'),
		organization,
		license: licence,
		languages: [...locales],
		downloads: [
			...files.map((file) => ({
				name: file.fileName,
				contentUrl: `${origin}${downloadPath(file.fileName)}`,
				encodingFormat: 'text/csv',
			})),
			{
				name: 'uade.json',
				contentUrl: `${origin}${downloadPath('uade.json')}`,
				encodingFormat: 'application/json',
			},
		],
	})
	const citation = content.citing.citation
		.replace('{organization}', organization)
		.replace('{url}', pageUrl)
		.replace('{date}', format.date(today))
	return (
		<article className="prose open-data">
			<JsonLd data={dataset} />
			<h1>{t('data.title')}</h1>
			{content.intro.map((paragraph, index) => (
				<p key={paragraph} className={index === 0 ? 'lede' : undefined}>
					{paragraph}
				</p>
			))}

			<section className="prose-section" aria-labelledby="files-title">
				<h2 id="files-title">{content.files.heading}</h2>
				<p>{content.files.intro}</p>
				<FilesTable files={files} />
			</section>

			{platforms.length > 0 ? (
				<section className="prose-section" aria-labelledby="platforms-title">
					<h2 id="platforms-title">{content.platforms.heading}</h2>
					<p>{content.platforms.intro}</p>
					<ScrollRegion label={t('data.table', { title: content.platforms.heading })}>
						<table className="figures">
							<thead>
								<tr>
									<th scope="col">{t('data.platform')}</th>
									<th scope="col">{t('data.file')}</th>
								</tr>
							</thead>
							<tbody>
								{platforms.map((platform) => (
									<tr key={platform.slug} id={`platform-${platform.slug}`}>
										<th scope="row">
											<Link
												to={paths.platform(locale, platform.slug)}
												{...fallbackLang(platform.titleIsTranslated)}
											>
												{platform.title}
											</Link>
										</th>
										<td>
											<ul className="file-links">
												{files.map((file) => (
													<li key={file.name}>
														<FileLink
															href={downloadPath(file.fileName, platform.slug)}
															fileName={file.fileName}
														/>
													</li>
												))}
											</ul>
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</ScrollRegion>
				</section>
			) : null}

			<section className="prose-section" aria-labelledby="dictionary-title">
				<h2 id="dictionary-title">{content.dictionary.heading}</h2>
				{content.dictionary.format.map((paragraph) => (
					<p key={paragraph}>{paragraph}</p>
				))}
				<p>{content.dictionary.intro}</p>
				{files.map((file) => (
					<section key={file.name} aria-labelledby={`columns-${file.name}`}>
						<h3 id={`columns-${file.name}`}>
							<span translate="no">{file.fileName}</span>
						</h3>
						<p>{file.description}</p>
						<ScrollRegion label={t('data.columns', { file: file.fileName })}>
							<table className="figures dictionary">
								<thead>
									<tr>
										<th scope="col">{t('data.column')}</th>
										<th scope="col">{t('data.meaning')}</th>
									</tr>
								</thead>
								<tbody>
									{file.columns.map((column) => (
										<tr key={column.name}>
											<th scope="row">
												<code translate="no">{column.name}</code>
											</th>
											<td>{column.description}</td>
										</tr>
									))}
								</tbody>
							</table>
						</ScrollRegion>
					</section>
				))}
			</section>

			<section className="prose-section" aria-labelledby="licence-title">
				<h2 id="licence-title">{content.licence.heading}</h2>
				<p>
					<Linked sentence={content.licence.terms} href={licenceDeed[locale]} />
				</p>
				{content.licence.paragraphs.map((paragraph) => (
					<p key={paragraph}>{paragraph}</p>
				))}
			</section>

			<section className="prose-section" aria-labelledby="citing-title">
				<h2 id="citing-title">{content.citing.heading}</h2>
				<p>{content.citing.intro}</p>
				<blockquote className="citation">
					<p>{citation}</p>
				</blockquote>
			</section>

			<section className="prose-section" aria-labelledby="elsewhere-title">
				<h2 id="elsewhere-title">{content.elsewhere.heading}</h2>
				<p>{content.elsewhere.intro}</p>
				<ul>
					<li>
						<Linked sentence={content.elsewhere.api} href="/api/v1/openapi.json" />
					</li>
					<li>
						<Linked sentence={content.elsewhere.feeds} href={paths.feed(locale)} />
					</li>
					<li>{content.elsewhere.embeds.replace('{section}', t('embed.snippet.title'))}</li>
				</ul>
			</section>
		</article>
	)
}

function FilesTable({ files }: { files: File[] }) {
	const { t } = useI18n()
	const { content } = useLoaderData<typeof loader>()
	return (
		<ScrollRegion label={t('data.table', { title: content.files.heading })}>
			<table className="figures">
				<thead>
					<tr>
						<th scope="col">{t('data.file')}</th>
						<th scope="col">{t('data.holds')}</th>
					</tr>
				</thead>
				<tbody>
					{files.map((file) => (
						<tr key={file.name}>
							<th scope="row">
								<FileLink href={downloadPath(file.fileName)} fileName={file.fileName} />
							</th>
							<td>
								{file.description}{' '}
								<a href={`#columns-${file.name}`}>{t('data.columns', { file: file.fileName })}</a>
							</td>
						</tr>
					))}
					<tr>
						<th scope="row">
							<FileLink href={downloadPath('uade.json')} fileName="uade.json" />
						</th>
						<td>{content.files.dataset}</td>
					</tr>
				</tbody>
			</table>
		</ScrollRegion>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
