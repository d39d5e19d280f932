import { isLocale, type Locale } from './locales'
import type { PluralMessage } from './translator'

/**
 * The staff forms' messages in Russian and Kazakh, keyed by the English the zod schemas (app/forms/*.ts) and
 * the models produce (gettext style): the server, its schemas and their tests keep one language, and the
 * page translates a message where it shows it (app/components/forms.tsx). `{name}` in the English is a
 * placeholder matching any text, put back into the translation; a number written the English way (2,000)
 * is rewritten the page's way (2 000). A translation that depends on a number is a plural message chosen
 * by `{count}`. An entry marked `fragment` is a part of other messages ("15 minutes", a role), translated
 * when it fills a placeholder of one; it is never a message by itself.
 */
export type FormErrorEntry = {
	en: string
	ru: string | PluralMessage
	kk: string | PluralMessage
	fragment?: true
}

export const formErrorCatalogue: readonly FormErrorEntry[] = [
	// Issue 10, part staff: every message of app/forms/*.ts and of the models that reach a field.

	// The field builders (app/forms/fields.ts).
	{
		en: 'Use at most {count} characters.',
		ru: {
			one: 'Не больше {count} символа.',
			few: 'Не больше {count} символов.',
			many: 'Не больше {count} символов.',
			other: 'Не больше {count} символа.',
		},
		kk: '{count} таңбадан аспасын.',
	},
	{
		en: 'Remove the invisible NUL character from this text.',
		ru: 'Удалите из текста невидимый символ NUL.',
		kk: 'Мәтіннен көзге көрінбейтін NUL таңбасын өшіріңіз.',
	},
	{
		en: 'A character of this text was lost on the way (it shows as \uFFFD): retype that part and send it again.',
		ru: 'Один символ этого текста потерялся при передаче (он показан как \uFFFD): наберите эту часть заново и отправьте ещё раз.',
		kk: 'Мәтіннің бір таңбасы жіберу кезінде жоғалды (ол \uFFFD болып көрінеді): сол бөлігін қайта теріп, тағы жіберіңіз.',
	},
	{
		en: 'Enter text here, or leave it empty.',
		ru: 'Введите здесь текст или оставьте поле пустым.',
		kk: 'Мұнда мәтін жазыңыз немесе өрісті бос қалдырыңыз.',
	},
	{
		en: 'Enter an email address.',
		ru: 'Введите адрес электронной почты.',
		kk: 'Электрондық пошта мекенжайын енгізіңіз.',
	},
	{
		en: 'An email address has at most {count} characters.',
		ru: 'Адрес электронной почты не может быть длиннее {count} символов.',
		kk: 'Электрондық пошта мекенжайы {count} таңбадан аспайды.',
	},
	{
		en: 'Enter an email address like name@example.org.',
		ru: 'Введите адрес электронной почты вида name@example.org.',
		kk: 'Электрондық поштаны name@example.org түрінде енгізіңіз.',
	},
	{
		en: 'Enter a slug.',
		ru: 'Введите короткое имя для адреса (slug).',
		kk: 'Мекенжайға арналған қысқа атауды (slug) енгізіңіз.',
	},
	{
		en: 'Use lowercase letters, digits and single hyphens between them, like it-jobs.',
		ru: 'Используйте строчные латинские буквы, цифры и одиночные дефисы между ними, например it-jobs.',
		kk: 'Кіші латын әріптерін, цифрларды және олардың арасында жалғыз дефисті қолданыңыз, мысалы: it-jobs.',
	},
	{
		en: 'Enter a web address starting with https:// or http://.',
		ru: 'Введите веб-адрес, начинающийся с https:// или http://.',
		kk: 'https:// немесе http:// деп басталатын веб-мекенжай енгізіңіз.',
	},
	{
		en: 'Enter a number such as 150000 or 12.5 (at most 16 digits and 4 decimal places).',
		ru: 'Введите число, например 150000 или 12.5 (не больше 16 цифр и 4 знаков после точки).',
		kk: 'Сан енгізіңіз, мысалы 150000 немесе 12.5 (16 цифрдан және нүктеден кейін 4 таңбадан аспасын).',
	},
	{
		en: 'Write the number without commas: 150000, or 12.5 with a point for decimals.',
		ru: 'Запишите число без запятых: 150000, а дробную часть отделяйте точкой: 12.5.',
		kk: 'Санды үтірсіз жазыңыз: 150000, ал бөлшек бөлігін нүктемен бөліңіз: 12.5.',
	},
	{
		en: 'Enter a number, or leave it empty.',
		ru: 'Введите число или оставьте поле пустым.',
		kk: 'Сан енгізіңіз немесе өрісті бос қалдырыңыз.',
	},
	{
		en: 'Enter a whole number from {min} to {max}.',
		ru: 'Введите целое число от {min} до {max}.',
		kk: '{min} мен {max} аралығындағы бүтін сан енгізіңіз.',
	},
	{
		en: 'Enter a date before {year}.',
		ru: 'Введите дату раньше {year} года.',
		kk: '{year} жылға дейінгі күнді енгізіңіз.',
	},
	{
		en: 'Enter a date as YYYY-MM-DD, for example 2024-03-31.',
		ru: 'Введите дату в виде ГГГГ-ММ-ДД, например 2024-03-31.',
		kk: 'Күнді ЖЖЖЖ-АА-КК түрінде енгізіңіз, мысалы 2024-03-31.',
	},
	{
		en: 'Enter a date from 1900 on.',
		ru: 'Введите дату не раньше 1900 года.',
		kk: '1900 жылдан кейінгі күнді енгізіңіз.',
	},
	{ en: 'Choose at most {count}.', ru: 'Выберите не больше {count}.', kk: 'Ең көбі {count} таңдаңыз.' },
	{
		en: 'Reload the page and try again.',
		ru: 'Обновите страницу и попробуйте ещё раз.',
		kk: 'Бетті жаңартып, қайталап көріңіз.',
	},
	{
		en: 'Please use one of the buttons on the page.',
		ru: 'Воспользуйтесь одной из кнопок на странице.',
		kk: 'Беттегі батырмалардың бірін басыңыз.',
	},
	{
		en: 'Reload the page and send the form again.',
		ru: 'Обновите страницу и отправьте форму ещё раз.',
		kk: 'Бетті жаңартып, форманы қайта жіберіңіз.',
	},
	{
		en: 'This form cannot be read. Reload the page and send it again.',
		ru: 'Не удалось прочитать форму. Обновите страницу и отправьте её ещё раз.',
		kk: 'Форманы оқу мүмкін болмады. Бетті жаңартып, оны қайта жіберіңіз.',
	},
	{
		en: 'Check this value and try again.',
		ru: 'Проверьте это значение и попробуйте ещё раз.',
		kk: 'Бұл мәнді тексеріп, қайталап көріңіз.',
	},

	// Passwords (app/forms/password.ts, account.ts, sign-in.ts, user.ts).
	{
		en: 'Use at least {min} characters (this one has {length}).',
		ru: 'Пароль должен быть не короче {min} символов (сейчас в нём {length}).',
		kk: 'Құпиясөз кемінде {min} таңбадан тұрсын (бұл құпиясөзде {length}).',
	},
	{
		en: 'Use at least {min} characters.',
		ru: 'Пароль должен быть не короче {min} символов.',
		kk: 'Құпиясөз кемінде {min} таңбадан тұрсын.',
	},
	{
		en: 'Do not use the email address as the password.',
		ru: 'Не используйте адрес электронной почты в качестве пароля.',
		kk: 'Электрондық пошта мекенжайын құпиясөз ретінде қолданбаңыз.',
	},
	{
		en: 'Enter your current password.',
		ru: 'Введите текущий пароль.',
		kk: 'Қазіргі құпиясөзіңізді енгізіңіз.',
	},
	{ en: 'Enter a new password.', ru: 'Введите новый пароль.', kk: 'Жаңа құпиясөзді енгізіңіз.' },
	{
		en: 'Enter the new password again.',
		ru: 'Введите новый пароль ещё раз.',
		kk: 'Жаңа құпиясөзді қайта енгізіңіз.',
	},
	{
		en: 'The two new passwords are not the same.',
		ru: 'Два новых пароля не совпадают.',
		kk: 'Екі жаңа құпиясөз бірдей емес.',
	},
	{
		en: 'This is not your current password.',
		ru: 'Это не ваш текущий пароль.',
		kk: 'Бұл сіздің қазіргі құпиясөзіңіз емес.',
	},
	{
		en: 'Choose a password different from the current one.',
		ru: 'Выберите пароль, отличный от текущего.',
		kk: 'Қазіргісінен басқа құпиясөз таңдаңыз.',
	},
	{
		en: 'Too many wrong current passwords. Try again in {wait}.',
		ru: 'Слишком много попыток с неверным текущим паролем. Попробуйте снова через {wait}.',
		kk: 'Қазіргі құпиясөз тым көп рет қате енгізілді. {wait} кейін қайталап көріңіз.',
	},
	{ en: 'Your password is changed.', ru: 'Пароль изменён.', kk: 'Құпиясөз өзгертілді.' },
	{
		en: 'Your password is changed, and you are signed out on {count} other device.',
		ru: {
			one: 'Пароль изменён, и вы вышли из аккаунта на {count} другом устройстве.',
			other: 'Пароль изменён, и вы вышли из аккаунта на {count} других устройствах.',
		},
		kk: 'Құпиясөз өзгертілді, басқа {count} құрылғыдан шығып кеттіңіз.',
	},
	{
		en: 'Your password is changed, and you are signed out on {count} other devices.',
		ru: {
			one: 'Пароль изменён, и вы вышли из аккаунта на {count} другом устройстве.',
			other: 'Пароль изменён, и вы вышли из аккаунта на {count} других устройствах.',
		},
		kk: 'Құпиясөз өзгертілді, басқа {count} құрылғыдан шығып кеттіңіз.',
	},
	{ en: 'Enter your password.', ru: 'Введите пароль.', kk: 'Құпиясөзді енгізіңіз.' },
	{
		en: 'The email or the password is not right. Please check both and try again.',
		ru: 'Неверный адрес электронной почты или пароль. Проверьте оба и попробуйте ещё раз.',
		kk: 'Электрондық пошта немесе құпиясөз қате. Екеуін де тексеріп, қайталап көріңіз.',
	},
	{
		en: 'This account is disabled. If you think this is a mistake, please ask an admin.',
		ru: 'Этот аккаунт отключён. Если вы считаете, что это ошибка, обратитесь к администратору.',
		kk: 'Бұл аккаунт өшірілген. Қате деп ойласаңыз, әкімшіге хабарласыңыз.',
	},
	{
		en: 'Too many unsuccessful sign-in attempts. Try again in {wait}.',
		ru: 'Слишком много неудачных попыток входа. Попробуйте снова через {wait}.',
		kk: 'Кіру әрекеттері тым көп рет сәтсіз болды. {wait} кейін қайталап көріңіз.',
	},
	{ en: 'Choose one of the languages.', ru: 'Выберите один из языков.', kk: 'Тілдердің бірін таңдаңыз.' },
	{
		en: 'You are signed out on every device.',
		ru: 'Вы вышли из аккаунта на всех устройствах.',
		kk: 'Барлық құрылғыдан шықтыңыз.',
	},

	// Waits (app/forms/wait-text.ts): parts of the messages above. Russian after «через» takes the accusative.
	{
		en: '{count} second',
		ru: { one: '{count} секунду', few: '{count} секунды', many: '{count} секунд', other: '{count} секунды' },
		kk: '{count} секундтан',
		fragment: true,
	},
	{
		en: '{count} seconds',
		ru: { one: '{count} секунду', few: '{count} секунды', many: '{count} секунд', other: '{count} секунды' },
		kk: '{count} секундтан',
		fragment: true,
	},
	{
		en: '{count} minute',
		ru: { one: '{count} минуту', few: '{count} минуты', many: '{count} минут', other: '{count} минуты' },
		kk: '{count} минуттан',
		fragment: true,
	},
	{
		en: '{count} minutes',
		ru: { one: '{count} минуту', few: '{count} минуты', many: '{count} минут', other: '{count} минуты' },
		kk: '{count} минуттан',
		fragment: true,
	},

	// Accounts (app/forms/user.ts).
	{ en: 'Enter a name.', ru: 'Введите имя.', kk: 'Атын енгізіңіз.' },
	{ en: 'Choose a role.', ru: 'Выберите роль.', kk: 'Рөлді таңдаңыз.' },
	{
		en: 'Type in a password, or choose to generate one.',
		ru: 'Введите пароль или выберите его автоматическое создание.',
		kk: 'Құпиясөзді теріңіз немесе оны автоматты түрде жасауды таңдаңыз.',
	},
	{
		en: 'Choose how the first password is made.',
		ru: 'Выберите, как задать первый пароль.',
		kk: 'Алғашқы құпиясөздің қалай жасалатынын таңдаңыз.',
	},
	{
		en: 'Choose how the new password is made.',
		ru: 'Выберите, как задать новый пароль.',
		kk: 'Жаңа құпиясөздің қалай жасалатынын таңдаңыз.',
	},
	{
		en: 'An account with this email already exists.',
		ru: 'Аккаунт с таким адресом электронной почты уже существует.',
		kk: 'Бұл электрондық поштамен аккаунт бұрыннан бар.',
	},
	{
		en: 'Someone else changed this account while you had this page open, so nothing was saved. The page now shows the account as it is; please check it and try again.',
		ru: 'Пока эта страница была открыта, аккаунт изменил кто-то другой, поэтому ничего не сохранено. Теперь на странице аккаунт в его текущем виде: проверьте его и попробуйте ещё раз.',
		kk: 'Бұл бет ашық тұрғанда аккаунтты басқа біреу өзгертті, сондықтан ештеңе сақталмады. Енді бетте аккаунттың қазіргі күйі көрсетілген: оны тексеріп, қайталап көріңіз.',
	},
	{
		en: 'Someone else changed this account while you had this page open, so the role is not changed yet. Your choice is kept below, beside the role saved meanwhile: change the role again to apply it.',
		ru: 'Пока эта страница была открыта, аккаунт изменил кто-то другой, поэтому роль пока не изменена. Ваш выбор сохранён ниже, рядом с ролью, сохранённой за это время: измените роль ещё раз, чтобы применить его.',
		kk: 'Бұл бет ашық тұрғанда аккаунтты басқа біреу өзгертті, сондықтан рөл әлі өзгерген жоқ. Сіздің таңдауыңыз төменде, осы уақытта сақталған рөлдің жанында тұр: оны қолдану үшін рөлді қайта өзгертіңіз.',
	},
	{ en: 'The role stays {role}.', ru: 'Роль остаётся прежней: {role}.', kk: 'Рөл өзгерген жоқ: {role}.' },
	{ en: 'The role is now {role}.', ru: 'Новая роль: {role}.', kk: 'Жаңа рөл: {role}.' },
	// The edit conflict of a catalogue record (app/routes/admin/record-save.server.ts), per record.
	{
		en: 'Someone else saved this pledge while you were editing, so your changes are not saved yet. The form keeps your values; where the saved version differs, its value is shown at the field. Save again to apply yours, or tick “Use the saved value” at a field to keep theirs there.',
		ru: 'Пока вы редактировали, это обещание сохранил кто-то другой, поэтому ваши изменения пока не сохранены. Форма хранит ваши значения; там, где сохранённая версия отличается, её значение показано у поля. Сохраните ещё раз, чтобы применить свои, или отметьте «Взять сохранённое значение» у поля, чтобы оставить чужое.',
		kk: 'Сіз өңдеп отырғанда бұл уәдені басқа біреу сақтады, сондықтан өзгерістеріңіз әлі сақталған жоқ. Форма сіздің мәндеріңізді сақтап тұр; сақталған нұсқа өзгеше жерде оның мәні өрістің жанында көрсетілген. Өзіңіздікін қолдану үшін қайта сақтаңыз немесе олардікін қалдыру үшін өрістің жанындағы «Сақталған мәнді алу» белгісін қойыңыз.',
	},
	{
		en: 'Someone else saved this platform while you were editing, so your changes are not saved yet. The form keeps your values; where the saved version differs, its value is shown at the field. Save again to apply yours, or tick “Use the saved value” at a field to keep theirs there.',
		ru: 'Пока вы редактировали, эту платформу сохранил кто-то другой, поэтому ваши изменения пока не сохранены. Форма хранит ваши значения; там, где сохранённая версия отличается, её значение показано у поля. Сохраните ещё раз, чтобы применить свои, или отметьте «Взять сохранённое значение» у поля, чтобы оставить чужое.',
		kk: 'Сіз өңдеп отырғанда бұл платформаны басқа біреу сақтады, сондықтан өзгерістеріңіз әлі сақталған жоқ. Форма сіздің мәндеріңізді сақтап тұр; сақталған нұсқа өзгеше жерде оның мәні өрістің жанында көрсетілген. Өзіңіздікін қолдану үшін қайта сақтаңыз немесе олардікін қалдыру үшін өрістің жанындағы «Сақталған мәнді алу» белгісін қойыңыз.',
	},
	{
		en: 'Someone else saved this category while you were editing, so your changes are not saved yet. The form keeps your values; where the saved version differs, its value is shown at the field. Save again to apply yours, or tick “Use the saved value” at a field to keep theirs there.',
		ru: 'Пока вы редактировали, эту категорию сохранил кто-то другой, поэтому ваши изменения пока не сохранены. Форма хранит ваши значения; там, где сохранённая версия отличается, её значение показано у поля. Сохраните ещё раз, чтобы применить свои, или отметьте «Взять сохранённое значение» у поля, чтобы оставить чужое.',
		kk: 'Сіз өңдеп отырғанда бұл санатты басқа біреу сақтады, сондықтан өзгерістеріңіз әлі сақталған жоқ. Форма сіздің мәндеріңізді сақтап тұр; сақталған нұсқа өзгеше жерде оның мәні өрістің жанында көрсетілген. Өзіңіздікін қолдану үшін қайта сақтаңыз немесе олардікін қалдыру үшін өрістің жанындағы «Сақталған мәнді алу» белгісін қойыңыз.',
	},
	{
		en: 'Someone else saved this politician while you were editing, so your changes are not saved yet. The form keeps your values; where the saved version differs, its value is shown at the field. Save again to apply yours, or tick “Use the saved value” at a field to keep theirs there.',
		ru: 'Пока вы редактировали, данные этого политика сохранил кто-то другой, поэтому ваши изменения пока не сохранены. Форма хранит ваши значения; там, где сохранённая версия отличается, её значение показано у поля. Сохраните ещё раз, чтобы применить свои, или отметьте «Взять сохранённое значение» у поля, чтобы оставить чужое.',
		kk: 'Сіз өңдеп отырғанда бұл саясаткердің деректерін басқа біреу сақтады, сондықтан өзгерістеріңіз әлі сақталған жоқ. Форма сіздің мәндеріңізді сақтап тұр; сақталған нұсқа өзгеше жерде оның мәні өрістің жанында көрсетілген. Өзіңіздікін қолдану үшін қайта сақтаңыз немесе олардікін қалдыру үшін өрістің жанындағы «Сақталған мәнді алу» белгісін қойыңыз.',
	},
	{
		en: 'This is the last active admin account: make another account an admin first, so that someone can still manage Uade.',
		ru: 'Это последний активный аккаунт администратора: сначала сделайте администратором другой аккаунт, чтобы кто-то мог и дальше управлять Uade.',
		kk: 'Бұл — соңғы белсенді әкімші аккаунты: Uade-ні басқаратын біреу қалуы үшін алдымен басқа аккаунтты әкімші етіңіз.',
	},
	{
		en: 'Nothing was saved: please correct the fields marked below.',
		ru: 'Ничего не сохранено: исправьте отмеченные ниже поля.',
		kk: 'Ештеңе сақталған жоқ: төменде белгіленген өрістерді түзетіңіз.',
	},
	{
		en: 'Another admin changed the settings while you were looking at them, so your choice was not saved. The form now shows theirs: choose again.',
		ru: 'Пока вы смотрели настройки, их изменил другой администратор, поэтому ваш выбор не сохранён. Теперь форма показывает его вариант: выберите ещё раз.',
		kk: 'Сіз баптауларды қарап отырғанда оларды басқа әкімші өзгертті, сондықтан таңдауыңыз сақталған жоқ. Енді форма оның нұсқасын көрсетеді: қайта таңдаңыз.',
	},
	{ en: 'Admin', ru: 'Администратор', kk: 'Әкімші', fragment: true },
	{ en: 'Fact-checker', ru: 'Фактчекер', kk: 'Фактчекер', fragment: true },
	{
		en: 'The account is disabled and every session of it has ended.',
		ru: 'Аккаунт отключён, все его сеансы завершены.',
		kk: 'Аккаунт өшірілді, оның барлық сеансы аяқталды.',
	},
	{
		en: 'The account is enabled: it can sign in again.',
		ru: 'Аккаунт включён: с ним снова можно войти.',
		kk: 'Аккаунт қосылды: оған қайта кіруге болады.',
	},
	{
		en: 'The password is reset and {name} is signed out everywhere. They must choose a new one when they next sign in.',
		ru: 'Пароль сброшен, все сеансы пользователя {name} завершены. При следующем входе нужно будет выбрать новый пароль.',
		kk: 'Құпиясөз қалпына келтірілді, {name} барлық құрылғыдан шығарылды. Келесі кіргенде жаңа құпиясөз таңдауы керек.',
	},

	// The audit log's filter (app/forms/audit-log.ts).
	{
		en: 'This page link is broken: go back to the first page.',
		ru: 'Ссылка на эту страницу повреждена: вернитесь на первую страницу.',
		kk: 'Бұл беттің сілтемесі бұзылған: бірінші бетке оралыңыз.',
	},
	{
		en: 'Choose an account from the list.',
		ru: 'Выберите аккаунт из списка.',
		kk: 'Тізімнен аккаунтты таңдаңыз.',
	},
	{
		en: 'Actions are written like evidence.submit or user. (lowercase letters, dots and underscores).',
		ru: 'Действия записываются как evidence.submit или user. (строчные латинские буквы, точки и подчёркивания).',
		kk: 'Әрекеттер evidence.submit немесе user. түрінде жазылады (кіші латын әріптері, нүктелер және астын сызу белгілері).',
	},
	{
		en: 'An entity type is a single word such as Pledge or User.',
		ru: 'Тип записи — одно слово, например Pledge или User.',
		kk: 'Жазба түрі — бір сөз, мысалы Pledge немесе User.',
	},
	{
		en: 'An id has only letters, digits, hyphens and underscores.',
		ru: 'Идентификатор состоит только из букв, цифр, дефисов и подчёркиваний.',
		kk: 'Идентификатор тек әріптерден, цифрлардан, дефистерден және астын сызу белгілерінен тұрады.',
	},

	// Categories, platforms, politicians, pledges (app/forms/category.ts, platform.ts, politician.ts, pledge.ts).
	{
		en: 'Choose a principle of this platform, or none.',
		ru: 'Выберите принцип этой платформы или оставьте без принципа.',
		kk: 'Осы платформаның қағидатын таңдаңыз немесе бос қалдырыңыз.',
	},
	{ en: 'Enter the category’s title.', ru: 'Введите название категории.', kk: 'Санаттың атауын енгізіңіз.' },
	{ en: 'Choose a platform.', ru: 'Выберите платформу.', kk: 'Платформаны таңдаңыз.' },
	{
		en: 'Another category of this platform has this slug.',
		ru: 'У другой категории этой платформы уже есть такое короткое имя.',
		kk: 'Осы платформаның басқа санатында мұндай қысқа атау бар.',
	},
	{
		en: 'Choose a platform from the list.',
		ru: 'Выберите платформу из списка.',
		kk: 'Тізімнен платформаны таңдаңыз.',
	},
	{
		en: 'This principle has topics under it, so it cannot become a topic itself.',
		ru: 'У этого принципа есть темы, поэтому он сам не может стать темой.',
		kk: 'Бұл қағидаттың тақырыптары бар, сондықтан ол өзі тақырып бола алмайды.',
	},
	{ en: 'Choose a politician.', ru: 'Выберите политика.', kk: 'Саясаткерді таңдаңыз.' },
	{
		en: 'Enter the platform’s title.',
		ru: 'Введите название платформы.',
		kk: 'Платформаның атауын енгізіңіз.',
	},
	{ en: 'Enter the election date.', ru: 'Введите дату выборов.', kk: 'Сайлау күнін енгізіңіз.' },
	{
		en: 'Enter the date the term starts.',
		ru: 'Введите дату начала срока.',
		kk: 'Өкілеттік мерзімі басталатын күнді енгізіңіз.',
	},
	{
		en: 'Enter the date the term ends.',
		ru: 'Введите дату окончания срока.',
		kk: 'Өкілеттік мерзімі аяқталатын күнді енгізіңіз.',
	},
	{
		en: 'Enter the address of the source.',
		ru: 'Введите адрес источника.',
		kk: 'Дереккөздің мекенжайын енгізіңіз.',
	},
	{
		en: 'Enter the title of the source.',
		ru: 'Введите название источника.',
		kk: 'Дереккөздің атауын енгізіңіз.',
	},
	{
		en: 'Enter who published the source.',
		ru: 'Укажите, кто опубликовал источник.',
		kk: 'Дереккөзді кім жариялағанын көрсетіңіз.',
	},
	{
		en: 'Enter a date as YYYY-MM-DD, or leave it empty.',
		ru: 'Введите дату в виде ГГГГ-ММ-ДД или оставьте поле пустым.',
		kk: 'Күнді ЖЖЖЖ-АА-КК түрінде енгізіңіз немесе өрісті бос қалдырыңыз.',
	},
	{
		en: 'Another platform has this slug.',
		ru: 'У другой платформы уже есть такое короткое имя.',
		kk: 'Басқа платформада мұндай қысқа атау бар.',
	},
	{
		en: 'Choose a politician from the list.',
		ru: 'Выберите политика из списка.',
		kk: 'Тізімнен саясаткерді таңдаңыз.',
	},
	{
		en: 'The platform is published: everyone can see it, and it is in the platform list and the sitemap.',
		ru: 'Платформа опубликована: её видят все, она есть в списке платформ и в карте сайта.',
		kk: 'Платформа жарияланды: оны бәрі көреді, ол платформалар тізімінде және сайт картасында бар.',
	},
	{
		en: 'The platform is a draft again: only signed-in staff can see it.',
		ru: 'Платформа снова черновик: её видят только вошедшие сотрудники.',
		kk: 'Платформа қайтадан жоба болды: оны тек жүйеге кірген қызметкерлер көреді.',
	},
	{
		en: 'The home page now shows this platform.',
		ru: 'Теперь эта платформа показана на главной странице.',
		kk: 'Енді басты бетте осы платформа көрсетіледі.',
	},
	{
		en: 'The platform is no longer featured: the home page shows the newest published platform by election date.',
		ru: 'Платформа больше не выделена: на главной странице показана опубликованная платформа с самой поздней датой выборов.',
		kk: 'Платформа енді ерекшеленбейді: басты бетте сайлау күні ең соңғы жарияланған платформа көрсетіледі.',
	},
	{
		en: 'Nothing changed: the platform was already so.',
		ru: 'Ничего не изменилось: платформа уже была в таком состоянии.',
		kk: 'Ештеңе өзгерген жоқ: платформа бұрыннан осындай күйде еді.',
	},
	{
		en: 'Publish the platform before featuring it: the home page shows only a published platform.',
		ru: 'Сначала опубликуйте платформу: на главной странице показывается только опубликованная платформа.',
		kk: 'Алдымен платформаны жариялаңыз: басты бетте тек жарияланған платформа көрсетіледі.',
	},
	{
		en: 'A step with a completion date needs a title.',
		ru: 'У шага с датой выполнения должно быть название.',
		kk: 'Орындалған күні көрсетілген қадамның атауы болуы керек.',
	},
	{
		en: 'A pledge has at most {count} steps.',
		ru: 'У обещания может быть не больше {count} шагов.',
		kk: 'Уәдеде ең көбі {count} қадам болады.',
	},
	{ en: 'Choose a category.', ru: 'Выберите категорию.', kk: 'Санатты таңдаңыз.' },
	{ en: 'Enter the pledge’s title.', ru: 'Введите название обещания.', kk: 'Уәденің атауын енгізіңіз.' },
	{ en: 'Enter a short summary.', ru: 'Введите краткое описание.', kk: 'Қысқаша сипаттама енгізіңіз.' },
	{
		en: 'Copy the source’s own words, verbatim.',
		ru: 'Скопируйте слова источника дословно.',
		kk: 'Дереккөздің сөздерін сөзбе-сөз көшіріңіз.',
	},
	{ en: 'Enter the date of the source.', ru: 'Введите дату источника.', kk: 'Дереккөздің күнін енгізіңіз.' },
	{ en: 'Enter the deadline.', ru: 'Введите срок выполнения.', kk: 'Орындалу мерзімін енгізіңіз.' },
	{
		en: 'Choose whether the figure should rise or fall.',
		ru: 'Выберите, должен ли показатель расти или снижаться.',
		kk: 'Көрсеткіш өсуі керек пе, әлде төмендеуі керек пе, таңдаңыз.',
	},
	{ en: 'Say what is measured.', ru: 'Укажите, что измеряется.', kk: 'Не өлшенетінін көрсетіңіз.' },
	{ en: 'Enter the unit of the figure.', ru: 'Введите единицу измерения.', kk: 'Өлшем бірлігін енгізіңіз.' },
	{ en: 'Enter the target figure.', ru: 'Введите целевое значение.', kk: 'Мақсатты мәнді енгізіңіз.' },
	{
		en: 'Enter the date of the target.',
		ru: 'Введите дату достижения цели.',
		kk: 'Мақсатқа жету күнін енгізіңіз.',
	},
	{
		en: 'Enter the date of the baseline figure.',
		ru: 'Введите дату базового значения.',
		kk: 'Бастапқы мәннің күнін енгізіңіз.',
	},
	{
		en: 'Enter the baseline figure, or clear its date.',
		ru: 'Введите базовое значение или очистите его дату.',
		kk: 'Бастапқы мәнді енгізіңіз немесе оның күнін өшіріңіз.',
	},
	{ en: 'Enter at least one step.', ru: 'Добавьте хотя бы один шаг.', kk: 'Кемінде бір қадам қосыңыз.' },
	{ en: 'Choose the kind of pledge.', ru: 'Выберите вид обещания.', kk: 'Уәденің түрін таңдаңыз.' },
	{
		en: 'Another pledge of this platform has this slug.',
		ru: 'У другого обещания этой платформы уже есть такое короткое имя.',
		kk: 'Осы платформаның басқа уәдесінде мұндай қысқа атау бар.',
	},
	{
		en: 'Choose a category of this platform.',
		ru: 'Выберите категорию этой платформы.',
		kk: 'Осы платформаның санатын таңдаңыз.',
	},
	{
		en: 'A figure of this indicator is dated before this baseline: the baseline cannot come after a measurement.',
		ru: 'У этого показателя есть значение с датой раньше базовой: базовое значение не может быть позже измерения.',
		kk: 'Бұл көрсеткіштің бастапқы күннен ерте өлшенген мәні бар: бастапқы мән өлшемнен кейін бола алмайды.',
	},
	{
		en: 'A status of this pledge is in effect from before this date: the pledge cannot have been made after it.',
		ru: 'Один из статусов этого обещания действует с более ранней даты: обещание не могло быть дано позже.',
		kk: 'Бұл уәденің бір мәртебесі осы күннен бұрын күшіне енген: уәде одан кейін берілуі мүмкін емес.',
	},
	{ en: 'Enter the politician’s name.', ru: 'Введите имя политика.', kk: 'Саясаткердің атын енгізіңіз.' },
	{
		en: 'Enter the office, for example President of Kazakhstan.',
		ru: 'Введите должность, например «Президент Казахстана».',
		kk: 'Лауазымын енгізіңіз, мысалы: «Қазақстан Президенті».',
	},
	{
		en: 'Another politician has this slug.',
		ru: 'У другого политика уже есть такое короткое имя.',
		kk: 'Басқа саясаткерде мұндай қысқа атау бар.',
	},
	{
		en: 'Enter the {language} summary too, or clear the {language} title.',
		ru: 'Введите и описание ({language}) или очистите название ({language}).',
		kk: 'Сипаттаманы да енгізіңіз ({language}) немесе атауын өшіріңіз ({language}).',
	},
	{
		en: 'Enter the {language} title too, or clear the {language} summary.',
		ru: 'Введите и название ({language}) или очистите описание ({language}).',
		kk: 'Атауын да енгізіңіз ({language}) немесе сипаттамасын өшіріңіз ({language}).',
	},
	{ en: 'Russian', ru: 'на русском', kk: 'орысша', fragment: true },
	{ en: 'Kazakh', ru: 'на казахском', kk: 'қазақша', fragment: true },

	// The integrity rules (app/forms/integrity-rules.ts).
	{
		en: 'Write at least a short sentence ({characters} characters, {words} words or more): the public reads this, and it stays on record.',
		ru: 'Напишите хотя бы короткое предложение (от {characters} символов и от {words} слов): это читает публика, и запись остаётся навсегда.',
		kk: 'Кемінде қысқа сөйлем жазыңыз ({characters} таңба мен {words} сөзден кем емес): мұны жұртшылық оқиды және ол тұрақты түрде сақталады.',
	},
	{
		en: 'A status cannot take effect in the future.',
		ru: 'Статус не может вступить в силу в будущем.',
		kk: 'Мәртебе болашақта күшіне ене алмайды.',
	},
	{
		en: 'The pledge was made on {date}: a status cannot take effect before it.',
		ru: 'Обещание дано {date}: статус не может вступить в силу раньше.',
		kk: 'Уәде берілген күн: {date}. Мәртебе одан бұрын күшіне ене алмайды.',
	},
	{
		en: 'The deadline cannot come before the pledge was made (the date of the source).',
		ru: 'Срок не может быть раньше даты, когда обещание было дано (даты источника).',
		kk: 'Мерзім уәде берілген күннен (дереккөздің күнінен) ерте бола алмайды.',
	},
	{
		en: 'A baseline is a figure already measured: its date cannot be in the future.',
		ru: 'Базовое значение уже измерено, поэтому его дата не может быть в будущем.',
		kk: 'Бастапқы мән бұрын өлшенген, сондықтан оның күні болашақта бола алмайды.',
	},
	{
		en: 'The target date must come after the baseline date.',
		ru: 'Дата цели должна быть позже даты базового значения.',
		kk: 'Мақсат күні бастапқы мәннің күнінен кейін болуы керек.',
	},
	{
		en: 'The term must end after it starts.',
		ru: 'Срок должен заканчиваться позже, чем начинается.',
		kk: 'Өкілеттік мерзімі басталған күннен кейін аяқталуы керек.',
	},
	{
		en: 'The term must end after the election.',
		ru: 'Срок должен заканчиваться после выборов.',
		kk: 'Өкілеттік мерзімі сайлаудан кейін аяқталуы керек.',
	},

	// Evidence and its dates (app/forms/evidence.ts, evidence-dates.ts).
	{
		en: 'Enter a month as YYYY-MM, for example 2024-03.',
		ru: 'Введите месяц в виде ГГГГ-ММ, например 2024-03.',
		kk: 'Айды ЖЖЖЖ-АА түрінде енгізіңіз, мысалы 2024-03.',
	},
	{
		en: 'Enter a year as four digits, for example 2024.',
		ru: 'Введите год четырьмя цифрами, например 2024.',
		kk: 'Жылды төрт цифрмен енгізіңіз, мысалы 2024.',
	},
	{
		en: 'Say where you looked for the date, or why the source has none.',
		ru: 'Укажите, где вы искали дату или почему в источнике её нет.',
		kk: 'Күнді қайдан іздегеніңізді немесе дереккөзде неге жоқ екенін жазыңыз.',
	},
	{
		en: 'Enter the date it was published.',
		ru: 'Введите дату публикации.',
		kk: 'Жарияланған күнін енгізіңіз.',
	},
	{
		en: 'Enter the month it was published.',
		ru: 'Введите месяц публикации.',
		kk: 'Жарияланған айын енгізіңіз.',
	},
	{
		en: 'Enter the year it was published.',
		ru: 'Введите год публикации.',
		kk: 'Жарияланған жылын енгізіңіз.',
	},
	{
		en: 'The publication date cannot be in the future.',
		ru: 'Дата публикации не может быть в будущем.',
		kk: 'Жарияланған күн болашақта бола алмайды.',
	},
	{
		en: 'The publication month cannot be in the future.',
		ru: 'Месяц публикации не может быть в будущем.',
		kk: 'Жарияланған ай болашақта бола алмайды.',
	},
	{
		en: 'The publication year cannot be in the future.',
		ru: 'Год публикации не может быть в будущем.',
		kk: 'Жарияланған жыл болашақта бола алмайды.',
	},
	{ en: 'Choose the type of evidence.', ru: 'Выберите тип источника.', kk: 'Дереккөздің түрін таңдаңыз.' },
	{ en: 'Enter who published it.', ru: 'Укажите, кто это опубликовал.', kk: 'Кім жариялағанын көрсетіңіз.' },
	{
		en: 'Choose how much of the date the source prints.',
		ru: 'Выберите, насколько точно источник указывает дату.',
		kk: 'Дереккөз күнді қаншалықты дәл көрсететінін таңдаңыз.',
	},
	{
		en: 'Copy the passage that supports the evidence, word for word.',
		ru: 'Скопируйте подтверждающий фрагмент источника слово в слово.',
		kk: 'Дереккөздің растайтын үзіндісін сөзбе-сөз көшіріңіз.',
	},
	{
		en: 'Enter the date the figure refers to.',
		ru: 'Введите дату, к которой относится значение.',
		kk: 'Мән қай күнге қатысты екенін енгізіңіз.',
	},
	{
		en: 'The date of the figure cannot be in the future.',
		ru: 'Дата значения не может быть в будущем.',
		kk: 'Мәннің күні болашақта бола алмайды.',
	},
	{
		en: 'Choose one of the statuses, or none.',
		ru: 'Выберите один из статусов или не выбирайте ни одного.',
		kk: 'Мәртебелердің бірін таңдаңыз немесе бос қалдырыңыз.',
	},
	{
		en: 'Enter the figure, or clear its date.',
		ru: 'Введите значение или очистите его дату.',
		kk: 'Мәнді енгізіңіз немесе оның күнін өшіріңіз.',
	},
	{
		en: 'A source cannot report a figure dated after its own publication date.',
		ru: 'Источник не может сообщать значение с датой позже своей публикации.',
		kk: 'Дереккөз өзі жарияланған күннен кейінгі мәнді хабарлай алмайды.',
	},
	{
		en: 'Say why you suggest this status.',
		ru: 'Объясните, почему вы предлагаете этот статус.',
		kk: 'Бұл мәртебені неге ұсынатыныңызды түсіндіріңіз.',
	},
	{
		en: 'Choose the status you suggest, or clear the reason.',
		ru: 'Выберите предлагаемый статус или очистите обоснование.',
		kk: 'Ұсынатын мәртебені таңдаңыз немесе негіздемені өшіріңіз.',
	},
	{
		en: 'Only a pledge with a numeric target takes a measured value: leave it empty.',
		ru: 'Измеренное значение бывает только у обещания с числовой целью: оставьте поле пустым.',
		kk: 'Өлшенген мән тек сандық мақсаты бар уәдеде болады: өрісті бос қалдырыңыз.',
	},
	{
		en: 'This pledge has no indicator yet, so a figure cannot be recorded: leave it empty.',
		ru: 'У этого обещания пока нет показателя, поэтому значение записать нельзя: оставьте поле пустым.',
		kk: 'Бұл уәдеде әлі көрсеткіш жоқ, сондықтан мәнді жазу мүмкін емес: өрісті бос қалдырыңыз.',
	},
	{
		en: 'Check the publication date and its precision.',
		ru: 'Проверьте дату публикации и её точность.',
		kk: 'Жарияланған күнді және оның дәлдігін тексеріңіз.',
	},
	{
		en: 'The date of the figure cannot be before the indicator’s baseline date.',
		ru: 'Дата значения не может быть раньше даты базового значения показателя.',
		kk: 'Мәннің күні көрсеткіштің бастапқы мәні күнінен ерте бола алмайды.',
	},
	{
		en: 'Nothing was recorded: an account may submit {perAccount} pieces of evidence in {windowMinutes} minutes. Send this form again in {wait}; it is kept below.',
		ru: 'Ничего не записано: один аккаунт может отправить не больше {perAccount} источников за {windowMinutes} мин. Отправьте форму снова через {wait}; она сохранена ниже.',
		kk: 'Ештеңе жазылған жоқ: бір аккаунт {windowMinutes} минутта ең көбі {perAccount} дереккөз жібере алады. Форманы {wait} кейін қайта жіберіңіз; ол төменде сақтаулы.',
	},

	// Reviews and settings (app/forms/review.ts, settings.ts).
	{
		en: 'Choose approve, request changes or reject.',
		ru: 'Выберите: одобрить, запросить правки или отклонить.',
		kk: 'Таңдаңыз: мақұлдау, түзету сұрау немесе қабылдамау.',
	},
	{
		en: 'Give the reason for rejecting: the fact-checker will read it.',
		ru: 'Укажите причину отклонения: её прочитает фактчекер.',
		kk: 'Қабылдамау себебін жазыңыз: оны фактчекер оқиды.',
	},
	{
		en: 'Say what to change: the fact-checker reads it before resubmitting.',
		ru: 'Напишите, что исправить: фактчекер прочитает это перед повторной отправкой.',
		kk: 'Нені түзету керегін жазыңыз: фактчекер қайта жіберер алдында оны оқиды.',
	},
	{
		en: 'This evidence carries a figure, but its pledge no longer has an indicator to record it on. Reject it, saying why.',
		ru: 'В этом источнике есть значение, но у его обещания больше нет показателя, куда его записать. Отклоните его и объясните почему.',
		kk: 'Бұл дереккөзде мән бар, бірақ оның уәдесінде мәнді жазатын көрсеткіш енді жоқ. Себебін жазып, оны қабылдамаңыз.',
	},
	{
		en: 'You submitted this evidence, so another admin must approve it (the four-eyes rule). You may still request changes or reject it.',
		ru: 'Этот источник отправили вы, поэтому одобрить его должен другой администратор (правило двух пар глаз). Вы можете запросить правки или отклонить его.',
		kk: 'Бұл дереккөзді сіз жібердіңіз, сондықтан оны басқа әкімші мақұлдауы керек («төрт көз» ережесі). Сіз түзету сұрай аласыз немесе оны қабылдамай аласыз.',
	},
	{
		en: 'The figure of this evidence is dated in the future, so it cannot be recorded. Reject it, saying why.',
		ru: 'Значение в этом источнике датировано будущим, поэтому его нельзя записать. Отклоните его и объясните почему.',
		kk: 'Бұл дереккөздегі мәннің күні болашақта, сондықтан оны жазу мүмкін емес. Себебін жазып, оны қабылдамаңыз.',
	},
	{
		en: 'The figure of this evidence is dated before its indicator’s baseline date, so it cannot be recorded. Reject it, saying why.',
		ru: 'Значение в этом источнике датировано раньше базовой даты показателя, поэтому его нельзя записать. Отклоните его и объясните почему.',
		kk: 'Бұл дереккөздегі мәннің күні көрсеткіштің бастапқы күнінен ерте, сондықтан оны жазу мүмкін емес. Себебін жазып, оны қабылдамаңыз.',
	},
	{
		en: 'Choose whether the four-eyes rule applies.',
		ru: 'Выберите, действует ли правило двух пар глаз.',
		kk: '«Төрт көз» ережесі қолданыла ма, таңдаңыз.',
	},
	{
		en: 'Another admin can review: the rule can be turned off only while you are the only active admin.',
		ru: 'Проверять может другой администратор: правило можно отключить, только пока вы единственный активный администратор.',
		kk: 'Басқа әкімші тексере алады: ережені тек сіз жалғыз белсенді әкімші болғанда ғана өшіруге болады.',
	},

	// The status ledger (app/forms/status-update.ts).
	{ en: 'Choose the new status.', ru: 'Выберите новый статус.', kk: 'Жаңа мәртебені таңдаңыз.' },
	{
		en: 'Enter the date the status takes effect.',
		ru: 'Введите дату вступления статуса в силу.',
		kk: 'Мәртебенің күшіне енетін күнін енгізіңіз.',
	},
	{
		en: 'Explain the status: the public reads this.',
		ru: 'Обоснуйте статус: это читает публика.',
		kk: 'Мәртебені негіздеңіз: мұны жұртшылық оқиды.',
	},
	{
		en: 'Choose evidence from the list.',
		ru: 'Выберите источники из списка.',
		kk: 'Тізімнен дереккөздерді таңдаңыз.',
	},
	{
		en: 'Choose at least one approved evidence item this status rests on.',
		ru: 'Выберите хотя бы один одобренный источник, на котором основан статус.',
		kk: 'Мәртебе негізделген кемінде бір мақұлданған дереккөзді таңдаңыз.',
	},
	{
		en: 'Choose the entry to correct.',
		ru: 'Выберите запись, которую нужно исправить.',
		kk: 'Түзетілетін жазбаны таңдаңыз.',
	},
	{
		en: 'Say what was wrong with the entry: the public reads this.',
		ru: 'Напишите, что было не так с записью: это читает публика.',
		kk: 'Жазбада не қате болғанын жазыңыз: мұны жұртшылық оқиды.',
	},
	{
		en: 'One of the chosen evidence items does not exist. Reload the page.',
		ru: 'Одного из выбранных источников не существует. Обновите страницу.',
		kk: 'Таңдалған дереккөздердің бірі жоқ. Бетті жаңартыңыз.',
	},
	{
		en: '“{title}” is evidence for another pledge.',
		ru: 'Источник «{title}» относится к другому обещанию.',
		kk: '«{title}» дереккөзі басқа уәдеге қатысты.',
	},
	{
		en: '“{title}” is not reviewed yet: a status rests only on approved evidence.',
		ru: 'Источник «{title}» ещё не проверен: статус основывается только на одобренных источниках.',
		kk: '«{title}» дереккөзі әлі тексерілмеген: мәртебе тек мақұлданған дереккөздерге сүйенеді.',
	},
	{
		en: '“{title}” is rejected: a status rests only on approved evidence.',
		ru: 'Источник «{title}» отклонён: статус основывается только на одобренных источниках.',
		kk: '«{title}» дереккөзі қабылданбаған: мәртебе тек мақұлданған дереккөздерге сүйенеді.',
	},
	{
		en: '“{title}” was withdrawn by its author: a status rests only on approved evidence.',
		ru: 'Источник «{title}» отозван автором: статус основывается только на одобренных источниках.',
		kk: '«{title}» дереккөзін авторы кері қайтарып алған: мәртебе тек мақұлданған дереккөздерге сүйенеді.',
	},
	{
		en: 'You submitted all of the chosen evidence, so another admin must record this status (the four-eyes rule). Choose evidence someone else submitted as well, or ask another admin.',
		ru: 'Все выбранные источники отправили вы, поэтому этот статус должен записать другой администратор (правило двух пар глаз). Выберите также источник, отправленный кем-то другим, или попросите другого администратора.',
		kk: 'Таңдалған дереккөздердің бәрін сіз жібердіңіз, сондықтан бұл мәртебені басқа әкімші жазуы керек («төрт көз» ережесі). Басқа біреу жіберген дереккөзді де таңдаңыз немесе басқа әкімшіден сұраңыз.',
	},
	{
		en: 'The current status took effect on {date}: a new status cannot take effect before it. To change the past, correct that entry.',
		ru: 'Текущий статус вступил в силу {date}: новый статус не может вступить в силу раньше. Чтобы изменить прошлое, исправьте ту запись.',
		kk: 'Қазіргі мәртебенің күшіне енген күні: {date}. Жаңа мәртебе одан бұрын күшіне ене алмайды. Өткенді өзгерту үшін сол жазбаны түзетіңіз.',
	},
	{ en: 'an earlier date', ru: 'раньше', kk: 'ертерек', fragment: true },
	{
		en: 'This correction changes neither the status nor the date it took effect: change at least one of them.',
		ru: 'Это исправление не меняет ни статус, ни дату его вступления в силу: измените хотя бы одно из них.',
		kk: 'Бұл түзету мәртебені де, оның күшіне енген күнін де өзгертпейді: кемінде біреуін өзгертіңіз.',
	},
	{
		en: 'Another admin recorded a status for this pledge after you opened this page. Your status was not recorded: read the ledger as it is now, then decide again.',
		ru: 'После того как вы открыли эту страницу, другой администратор записал статус этого обещания. Ваш статус не записан: посмотрите журнал статусов в его нынешнем виде и решите снова.',
		kk: 'Сіз бұл бетті ашқаннан кейін басқа әкімші осы уәденің мәртебесін жазды. Сіздің мәртебеңіз жазылған жоқ: мәртебелер журналын қазіргі күйінде қарап, қайта шешіңіз.',
	},
	{
		en: 'This entry has already been corrected. Your correction was not recorded: to change it again, correct the correction.',
		ru: 'Эта запись уже исправлена. Ваше исправление не записано: чтобы изменить её ещё раз, исправьте само исправление.',
		kk: 'Бұл жазба бұрын түзетілген. Сіздің түзетуіңіз жазылған жоқ: оны тағы өзгерту үшін түзетудің өзін түзетіңіз.',
	},
	// issue 10, part ledger
	{
		en: 'Translate the rationale into Russian too, or clear the Russian reason.',
		ru: 'Переведите на русский и обоснование или очистите русский текст причины.',
		kk: 'Негіздемені де орысшаға аударыңыз немесе себептің орысша мәтінін өшіріңіз.',
	},
	{
		en: 'Translate the rationale into Kazakh too, or clear the Kazakh reason.',
		ru: 'Переведите на казахский и обоснование или очистите казахский текст причины.',
		kk: 'Негіздемені де қазақшаға аударыңыз немесе себептің қазақша мәтінін өшіріңіз.',
	},
	{
		en: 'Translate what was wrong into Russian too, or clear the Russian rationale.',
		ru: 'Переведите на русский и то, что было неверно, или очистите русское обоснование.',
		kk: 'Не қате болғанын да орысшаға аударыңыз немесе орысша негіздемені өшіріңіз.',
	},
	{
		en: 'Translate what was wrong into Kazakh too, or clear the Kazakh rationale.',
		ru: 'Переведите на казахский и то, что было неверно, или очистите казахское обоснование.',
		kk: 'Не қате болғанын да қазақшаға аударыңыз немесе қазақша негіздемені өшіріңіз.',
	},
	{
		en: 'This entry is not a correction: it has no reason to translate.',
		ru: 'Эта запись не исправление: у неё нет причины, которую нужно переводить.',
		kk: 'Бұл жазба түзету емес: онда аударатын себеп жоқ.',
	},
	{
		en: 'Translate the title into Russian too, or clear the Russian translation of the excerpt.',
		ru: 'Переведите на русский и название или очистите русский перевод выдержки.',
		kk: 'Атауын да орысшаға аударыңыз немесе үзіндінің орысша аудармасын өшіріңіз.',
	},
	{
		en: 'Translate the title into Kazakh too, or clear the Kazakh translation of the excerpt.',
		ru: 'Переведите на казахский и название или очистите казахский перевод выдержки.',
		kk: 'Атауын да қазақшаға аударыңыз немесе үзіндінің қазақша аудармасын өшіріңіз.',
	},
	// issue 10, part cat: a politician's and an indicator's translation has both of its texts or none
	// ({language} is the "Russian"/"Kazakh" fragment above), and a step's translation needs its English.
	{
		en: 'Enter the {language} office too, or clear the {language} name.',
		ru: 'Введите и должность ({language}) или очистите имя ({language}).',
		kk: 'Лауазымын да енгізіңіз ({language}) немесе атын өшіріңіз ({language}).',
	},
	{
		en: 'Enter the {language} name too, or clear the {language} office.',
		ru: 'Введите и имя ({language}) или очистите должность ({language}).',
		kk: 'Атын да енгізіңіз ({language}) немесе лауазымын өшіріңіз ({language}).',
	},
	{
		en: 'Enter the {language} unit too, or clear the {language} name of what is measured.',
		ru: 'Введите и единицу измерения ({language}) или очистите название показателя ({language}).',
		kk: 'Өлшем бірлігін де енгізіңіз ({language}) немесе көрсеткіштің атауын өшіріңіз ({language}).',
	},
	{
		en: 'Enter the {language} name of what is measured too, or clear the {language} unit.',
		ru: 'Введите и название показателя ({language}) или очистите единицу измерения ({language}).',
		kk: 'Көрсеткіштің атауын да енгізіңіз ({language}) немесе өлшем бірлігін өшіріңіз ({language}).',
	},
	{
		en: 'A step with a translation needs its English title.',
		ru: 'У этапа с переводом должно быть и название на английском.',
		kk: 'Аудармасы бар кезеңнің ағылшынша атауы да болуы керек.',
	},
]

type CompiledEntry = { entry: FormErrorEntry; pattern: RegExp; names: string[] }

function compile(entry: FormErrorEntry): CompiledEntry {
	const names: string[] = []
	const source = entry.en
		.split(/(\{\w+\})/)
		.map((part) => {
			const placeholder = /^\{(\w+)\}$/.exec(part)
			if (!placeholder) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
			const name = placeholder[1] ?? ''
			// A placeholder used twice ("the {language} summary … the {language} title") matches the same text.
			if (names.includes(name)) return `\\k<${name}>`
			names.push(name)
			return `(?<${name}>.+?)`
		})
		.join('')
	return { entry, pattern: new RegExp(`^${source}$`, 's'), names }
}

const compiled = formErrorCatalogue.map(compile)
const byText = new Map(compiled.filter((c) => c.names.length === 0).map((c) => [c.entry.en, c]))

// "2,000" as the English schemas write a number.
const englishNumber = /^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$/

function find(message: string, fragments: boolean) {
	const exact = byText.get(message)
	if (exact && (fragments || !exact.entry.fragment)) return { compiled: exact, values: {} }
	for (const candidate of compiled) {
		if (candidate.names.length === 0 || (!fragments && candidate.entry.fragment)) continue
		const match = candidate.pattern.exec(message)
		if (match?.groups) return { compiled: candidate, values: match.groups }
	}
	return null
}

function render(message: string, locale: Exclude<Locale, 'en'>, fragments: boolean): string | null {
	const found = find(message, fragments)
	if (!found) return null
	const translation = found.compiled.entry[locale]
	const countText = found.values.count
	const count =
		countText !== undefined && englishNumber.test(countText) ? Number(countText.replace(/,/g, '')) : 0
	const template =
		typeof translation === 'string'
			? translation
			: (translation[new Intl.PluralRules(locale).select(count)] ?? translation.other)
	const numberFormat = new Intl.NumberFormat(locale)
	return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
		const value = found.values[name]
		if (value === undefined) return placeholder
		if (englishNumber.test(value)) return numberFormat.format(Number(value.replace(/,/g, '')))
		// A part that is itself worded here ("15 minutes", a role's name) is put in the same language.
		return render(value, locale, true) ?? value
	})
}

/**
 * A form's message in the page's language: the English itself for English, else its translation, or null
 * when the catalogue does not know it (the page then shows the English, marked `lang="en"`).
 */
export function translateFormError(message: string, locale: Locale): string | null {
	if (locale === 'en' || !isLocale(locale)) return message
	return render(message, locale, false)
}
