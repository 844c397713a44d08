// Error probe for the cross-engine runner: a classic script the test server puts first in
// every page (same origin, so the site's CSP allows it). WebKit's WebDriver reports no console
// messages or uncaught errors, so the page keeps its own list, read by every engine's driver:
// uncaught errors, unhandled rejections, resources that failed to load, CSP violations and
// console.error calls.
(function () {
  var errors = [];
  window.__engineProbe = { errors: errors };
  var describe = function (value) {
    if (value instanceof Error) return value.name + ': ' + value.message;
    try { return typeof value === 'string' ? value : JSON.stringify(value); } catch (e) { return String(value); }
  };
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) errors.push('failed to load ' + (t.src || t.href));
    else errors.push('uncaught ' + (e.error ? describe(e.error) : e.message));
  }, true);
  window.addEventListener('unhandledrejection', function (e) { errors.push('unhandled rejection ' + describe(e.reason)); });
  document.addEventListener('securitypolicyviolation', function (e) {
    errors.push('CSP blocked ' + e.violatedDirective + ' ' + (e.blockedURI || ''));
  });
  var consoleError = console.error;
  console.error = function () {
    errors.push('console.error ' + Array.prototype.map.call(arguments, describe).join(' '));
    return consoleError.apply(console, arguments);
  };
})();
