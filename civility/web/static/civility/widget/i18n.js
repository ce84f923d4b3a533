/*
 * The widget's language: which one, its translations, and dates and numbers in it.
 *
 * A thread's language is the first supported one of: its element's data-civility-lang,
 * the nearest lang attribute around it (usually <html lang>), the browser's languages;
 * else the site's default. The server picks from that list (GET /i18n/widget.json),
 * so the list of languages lives in one place, the server's settings.
 *
 * Strings are written in English in the code and translated through the catalog:
 * gettext('Post comment'), ngettext('%(count)s comment', '%(count)s comments', n).
 * `makemessages -d djangojs` collects them into civility/locale/<lang>/djangojs.po.
 */

/** Languages to ask for, best first (duplicates removed). */
export function candidates(host) {
  const found = [];
  const own = host.getAttribute('data-civility-lang');
  if (own) found.push(own);
  const around = host.closest('[lang]');
  if (around && around.getAttribute('lang')) found.push(around.getAttribute('lang'));
  for (const language of navigator.languages || [navigator.language]) {
    if (language) found.push(language);
  }
  return [...new Set(found.map((code) => code.trim()).filter((code) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(code)))];
}

// CLDR plural categories in the order gettext catalogs list their forms.
const PLURAL_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** A language's translations and formats. */
export class Messages {
  constructor(language, catalog = {}, rtl = false) {
    this.language = language;
    this.direction = rtl ? 'rtl' : 'ltr';
    this.catalog = catalog;
    this.plurals = new Intl.PluralRules(language);
    const categories = this.plurals.resolvedOptions().pluralCategories;
    this.categories = PLURAL_ORDER.filter((category) => categories.includes(category));
    this.numbers = new Intl.NumberFormat(language);
    // Intl where the browser has this language's data; our own catalog where it has not
    // (Chromium's ICU knows Armenian not at all and Azerbaijani's relative times not).
    const relative = typeof Intl.RelativeTimeFormat === 'function'
      ? new Intl.RelativeTimeFormat(language, { numeric: 'auto' }) : null;
    this.relative = relative && speaks(relative, language) && !/^-/.test(relative.format(-5, 'minute'))
      ? relative : null;
    const dates = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' });
    const month = dates.formatToParts(new Date(2020, 11, 6)).find((part) => part.type === 'month');
    this.dates = speaks(dates, language) && month && /\p{L}{3}/u.test(month.value) ? dates : null;
    this.dateTimes = this.dates
      ? new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }) : null;
    // Bound, so that a thread can hand them around.
    this.gettext = this.gettext.bind(this);
    this.ngettext = this.ngettext.bind(this);
  }

  gettext(msgid) {
    const found = this.catalog[msgid];
    if (typeof found === 'string' && found) return found;
    if (Array.isArray(found) && found[0]) return found[0];
    return msgid;
  }

  ngettext(singular, plural, count) {
    const forms = this.catalog[singular];
    if (Array.isArray(forms) && forms.length) {
      const index = Math.max(0, this.categories.indexOf(this.plurals.select(count)));
      const form = forms[Math.min(index, forms.length - 1)];
      if (form) return form;
    }
    return count === 1 ? singular : plural;
  }

  /** Fill %(name)s placeholders; values go in as text. */
  format(template, values) {
    return template.replace(/%\(([a-z_]+)\)s/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  number(n) {
    return this.numbers.format(n);
  }

  /** "5 minutes ago" for the past week, a date before that. */
  readableTime(date) {
    const seconds = (date.getTime() - Date.now()) / 1000;
    // Past a week, "6 weeks ago" is harder to place than a date.
    if (seconds < -7 * 86400) return this.date(date);
    const unit = UNITS.find(([, size]) => Math.abs(seconds) >= size);
    if (this.relative) return this.relative.format(unit ? Math.round(seconds / unit[1]) : 0, unit ? unit[0] : 'second');
    if (!unit) return this.gettext('just now');
    const count = Math.max(1, Math.round(-seconds / unit[1]));
    const forms = {
      day: this.ngettext('%(count)s day ago', '%(count)s days ago', count),
      hour: this.ngettext('%(count)s hour ago', '%(count)s hours ago', count),
      minute: this.ngettext('%(count)s minute ago', '%(count)s minutes ago', count),
    };
    return this.format(forms[unit[0]], { count: this.number(count) });
  }

  /** "6 December 2026", in the language's own order. */
  date(date) {
    if (this.dates) return this.dates.format(date);
    const months = [
      this.gettext('January'), this.gettext('February'), this.gettext('March'), this.gettext('April'),
      this.gettext('May'), this.gettext('June'), this.gettext('July'), this.gettext('August'),
      this.gettext('September'), this.gettext('October'), this.gettext('November'), this.gettext('December'),
    ];
    return this.format(this.gettext('%(day)s %(month)s %(year)s'), {
      day: date.getDate(), month: months[date.getMonth()], year: date.getFullYear(),
    });
  }

  fullTime(date) {
    if (this.dateTimes) return this.dateTimes.format(date);
    const pad = (n) => String(n).padStart(2, '0');
    return `${this.date(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }
}

const UNITS = [['day', 86400], ['hour', 3600], ['minute', 60]];

/** Whether an Intl formatter answers in `language` itself rather than in a fallback. */
function speaks(formatter, language) {
  return formatter.resolvedOptions().locale.split('-')[0] === language.split('-')[0];
}

const loaded = new Map();

/**
 * The Messages for `wanted` (candidates(host)); English without translations when the
 * catalog cannot be had: a thread in English beats no thread.
 */
export function load(base, wanted) {
  const key = wanted.join(',');
  if (!loaded.has(key)) {
    const url = new URL(`${base}/i18n/widget.json`);
    if (key) url.searchParams.set('lang', key);
    loaded.set(key, fetch(url.href, { credentials: 'omit', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then((data) => new Messages(data.language || 'en', data.catalog || {}, data.bidi === true))
      .catch((error) => {
        console.error('Civility: could not load translations; showing English.', error);
        return new Messages('en');
      }));
  }
  return loaded.get(key);
}
