/*
 * Optimizer Lab host script: include it once in a page that embeds Optimizer Lab in iframes.
 *
 *   <iframe src="https://example.org/optimizer-lab/index.html?embed=race" title="Optimizer race"
 *           width="100%" height="640" style="border:0" data-optimizer-lab></iframe>
 *   <script src="https://example.org/optimizer-lab/embed/host.js" defer></script>
 *
 * What it does:
 * - resizes each Optimizer Lab iframe to the height its content reports
 *   ({ type: 'optimizer-lab:resize', height });
 * - re-dispatches every Optimizer Lab message as a DOM event on its iframe, named after the
 *   message type and bubbling, with the message in `event.detail`:
 *     document.addEventListener('optimizer-lab:score', (e) => console.log(e.detail.right, e.detail.total));
 *     ('optimizer-lab:quiz-answer', 'optimizer-lab:race-result', 'optimizer-lab:ready', ...; README "Embedding")
 *
 * A message is used only when it comes from one of this page's iframes, from the origin of
 * that iframe's src, and has the documented shape; everything else is ignored. Nothing in a
 * message is ever inserted as HTML. Plain script, no dependencies, no globals but
 * window.OptimizerLabHost ({ frames(), requestResize(iframe) }).
 */
(function () {
  'use strict';
  if (window.OptimizerLabHost) return;
  var PREFIX = 'optimizer-lab:';
  var MAX_HEIGHT = 20000;

  function frames() {
    return Array.prototype.slice.call(document.getElementsByTagName('iframe'));
  }

  function frameFor(source) {
    var all = frames();
    for (var i = 0; i < all.length; i++) if (all[i].contentWindow === source) return all[i];
    return null;
  }

  function originOf(iframe) {
    try {
      return new URL(iframe.src, document.baseURI).origin;
    } catch (e) {
      return '';
    }
  }

  function requestResize(iframe) {
    if (iframe && iframe.contentWindow) iframe.contentWindow.postMessage({ type: PREFIX + 'request-resize' }, originOf(iframe) === 'null' ? '*' : originOf(iframe) || '*');
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (typeof data !== 'object' || data === null || typeof data.type !== 'string' || data.type.indexOf(PREFIX) !== 0) return;
    var iframe = frameFor(event.source);
    if (!iframe) return;
    var expected = originOf(iframe);
    // file:// pages and sandboxed frames have the opaque origin "null".
    if (event.origin !== expected && !(event.origin === 'null' && (expected === 'null' || expected === 'file://'))) return;
    if (data.type === PREFIX + 'resize') {
      var h = Number(data.height);
      if (!(h > 0) || h > MAX_HEIGHT) return;
      iframe.style.height = Math.ceil(h) + 'px';
    }
    var detail;
    try {
      detail = JSON.parse(JSON.stringify(data));
    } catch (e) {
      return;
    }
    iframe.dispatchEvent(new CustomEvent(data.type, { bubbles: true, detail: detail }));
  });

  // Frames that loaded before this script ran have already sent their first height: ask again.
  function askAll() {
    frames().forEach(function (f) {
      if (f.hasAttribute('data-optimizer-lab')) requestResize(f);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', askAll);
  else askAll();

  window.OptimizerLabHost = { frames: frames, requestResize: requestResize };
})();
