import { Link, NavLink, useLocation, useParams } from '@remix-run/react'
import { isLocale, localeNames, locales, pathInLocale } from '~/i18n/locales'
import { useI18n } from '~/i18n/use-i18n'
import { paths } from '~/models/paths'
import { useLanguageData } from '~/route-data'

export function SkipLink() {
	const { t } = useI18n()
	return (
		<a className="skip-link" href="#content">
			{t('site.skipToContent')}
		</a>
	)
}

export function Brand() {
	const { t, locale } = useI18n()
	return (
		<Link className="brand" to={paths.home(locale)}>
			<span className="brand-mark" aria-hidden="true">
				U
			</span>
			<span className="brand-text">
				<span className="brand-name">{t('site.name')}</span>
				<span className="tagline">{t('site.tagline')}</span>
			</span>
		</Link>
	)
}

/** Links to the page being read, in each other language, through the route that remembers the choice. */
export function LanguageSwitcher() {
	const { t, locale } = useI18n()
	const location = useLocation()
	return (
		<nav className="language-switcher" aria-label={t('language.label')}>
			<ul>
				{locales.map((other) => (
					<li key={other}>
						{other === locale ? (
							<span lang={other} aria-current="true">
								{localeNames[other]}
							</span>
						) : (
							<a
								lang={other}
								hrefLang={other}
								rel="alternate"
								href={paths.switchLanguage(other, pathInLocale(location.pathname, other) + location.search)}
							>
								{localeNames[other]}
							</a>
						)}
					</li>
				))}
			</ul>
		</nav>
	)
}

export function SiteNav() {
	const { t, locale } = useI18n()
	const params = useParams()
	const site = useLanguageData()
	const platform = params.platform ?? site?.currentPlatformSlug
	const lang = isLocale(params.lang) ? params.lang : locale
	return (
		<nav className="site-nav" aria-label={t('nav.label')}>
			<ul>
				<li>
					<NavLink to={paths.home(lang)} end>
						{t('nav.overview')}
					</NavLink>
				</li>
				{platform ? (
					<li>
						<NavLink to={paths.pledges(lang, platform)}>{t('nav.pledges')}</NavLink>
					</li>
				) : null}
				<li>
					<NavLink to={paths.platforms(lang)} end>
						{t('nav.platforms')}
					</NavLink>
				</li>
				<li>
					<NavLink to={paths.methodology(lang)}>{t('nav.methodology')}</NavLink>
				</li>
				<li>
					<NavLink to={paths.corrections(lang)}>{t('nav.corrections')}</NavLink>
				</li>
				<li>
					<NavLink to={paths.about(lang)}>{t('nav.about')}</NavLink>
				</li>
			</ul>
		</nav>
	)
}

export function DemoBanner() {
	const { t } = useI18n()
	const site = useLanguageData()
	if (!site?.demoData) return null
	return (
		<p className="demo-banner">
			<strong>{t('demo.banner')}</strong>
		</p>
	)
}

export function SiteFooter() {
	const { t, locale } = useI18n()
	return (
		<footer className="site-footer">
			<p>{t('footer.text')}</p>
			<p className="footer-links">
				<Link to={paths.methodology(locale)}>{t('footer.methodology')}</Link>
				<Link to={paths.corrections(locale)}>{t('footer.corrections')}</Link>
				<Link to={paths.data(locale)}>{t('footer.data')}</Link>
			</p>
		</footer>
	)
}
