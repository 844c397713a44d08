// @ts-check
// The page formats numbers in one fixed locale and never trusts the browser's: WebKitGTK under
// LANG=C.UTF-8 (the default of Debian and most containers) reports navigator.language === 'C',
// which is not a language tag, and `new Intl.NumberFormat('C')` throws a RangeError. uPlot
// passes navigator.language to Intl when its script runs, so on such a browser the chart
// library (and, in the single file, everything after it) would die at load time.

/** The locale of every number the page writes: the chapter's (1,234.5). */
export const LOCALE = 'en-US';

/** @param {unknown} tag @returns {boolean} whether Intl accepts `tag` as a locale */
export function isUsableLocale(tag) {
  if (typeof tag !== 'string' || tag === '') return false;
  try {
    new Intl.NumberFormat(tag);
    return true;
  } catch {
    return false;
  }
}

/**
 * If the browser reports a locale Intl rejects, replaces navigator.language (and the unusable
 * entries of navigator.languages) on this page with LOCALE, so libraries that read them work.
 * Call it before loading such a library. Returns whether it had to replace anything.
 * @param {{ language?: string, languages?: readonly string[] }} [nav]
 */
export function guardNavigatorLanguage(nav = globalThis.navigator) {
  if (!nav || isUsableLocale(nav.language)) return false;
  const usable = (nav.languages ?? []).filter(isUsableLocale);
  Object.defineProperty(nav, 'language', { value: usable[0] ?? LOCALE, configurable: true });
  Object.defineProperty(nav, 'languages', { value: Object.freeze(usable.length ? usable : [LOCALE]), configurable: true });
  return true;
}
