// The page never trusts the browser's locale: a browser that reports a POSIX locale name
// (WebKitGTK under LANG=C.UTF-8 says navigator.language === 'C') gets en-US in its place
// before a library can hand it to Intl, and a usable locale is left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOCALE, isUsableLocale, guardNavigatorLanguage } from '../../web/js/ui/locale.js';

test("'C' and other non-tags are not usable locales; real tags are", () => {
  assert.throws(() => new Intl.NumberFormat('C'), RangeError); // what uPlot would run into
  for (const bad of ['C', 'C.UTF-8', 'en_US.UTF-8', '', undefined, null, 42]) assert.equal(isUsableLocale(bad), false, String(bad));
  for (const good of ['en-US', 'de', 'fr-CA', 'zh-Hant-TW']) assert.equal(isUsableLocale(good), true, good);
});

test("a navigator that says 'C' gets en-US (or its first usable language); Intl then works with it", () => {
  const nav = Object.create({ get language() { return 'C'; }, get languages() { return ['C']; } });
  assert.equal(guardNavigatorLanguage(nav), true);
  assert.equal(nav.language, LOCALE);
  assert.deepEqual(nav.languages, [LOCALE]);
  assert.equal(new Intl.NumberFormat(nav.language).format(1234.5), '1,234.5');
  const other = Object.create({ get language() { return 'C'; }, get languages() { return ['C', 'de-DE', 'C.UTF-8'] } });
  guardNavigatorLanguage(other);
  assert.equal(other.language, 'de-DE');
  assert.deepEqual(other.languages, ['de-DE']);
});

test('a usable navigator language is left as it is', () => {
  const nav = Object.create({ get language() { return 'fr-FR'; }, get languages() { return ['fr-FR', 'en'] } });
  assert.equal(guardNavigatorLanguage(nav), false);
  assert.equal(nav.language, 'fr-FR');
  assert.equal(guardNavigatorLanguage(undefined), false);
});
