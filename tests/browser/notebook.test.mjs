// The main page as a lab notebook: the first screen is the chapter's widget, complete
// (map, Play/Pause, Step, Reset, step counter, shared learning rate, one "Loss | Pos"
// readout per runner), at a laptop's and a phone's size, nothing covering it; the page
// stays light (DOM elements after load); a section's "Try it" changes the race in place
// while the reader keeps the section in view; a panel that fails shows its message and
// the race goes on; screenshots at three sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, withPage, screenshotPath, useSiteAndBrowser, textOf } from './harness.mjs';

const site = useSiteAndBrowser();

const MAX_ELEMENTS = 2500;
const READOUT = /Loss: (\d+\.\d{4}|\d\.\d{3}e[+-]\d+) \| Pos: \(-?\d+\.\d{3}, -?\d+\.\d{3}\)/;
/** Waits until the page has stopped scrolling (the chapter scrolls smoothly). */
async function scrollSettled(page) {
  await page.waitForFunction(() => new Promise((done) => {
    const y = window.scrollY;
    setTimeout(() => done(window.scrollY === y), 200);
  }));
}
const ready = (page) => page.waitForFunction(() => document.querySelectorAll('#runners .runner').length > 0
  && Number(document.getElementById('step-count')?.dataset.step) > 0);

/**
 * For each selector: is every matching element inside the viewport, and is the element at
 * its centre the element itself (or inside it), i.e. not covered by anything?
 */
function firstScreenProblems(page, selectors) {
  return page.evaluate((sels) => {
    const problems = [];
    for (const sel of sels) {
      const nodes = [...document.querySelectorAll(sel)];
      if (nodes.length === 0) { problems.push(`${sel}: missing`); continue; }
      for (const node of nodes) {
        const r = node.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) { problems.push(`${sel}: not shown`); continue; }
        if (r.left < 0 || r.top < 0 || r.right > window.innerWidth + 0.5 || r.bottom > window.innerHeight + 0.5) {
          problems.push(`${sel}: outside the first screen (${Math.round(r.left)}, ${Math.round(r.top)})-(${Math.round(r.right)}, ${Math.round(r.bottom)})`);
          continue;
        }
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!hit || !(hit === node || node.contains(hit) || hit.closest('label')?.contains(node))) {
          problems.push(`${sel}: covered by ${hit ? hit.tagName.toLowerCase() + (hit.id ? `#${hit.id}` : '') : 'nothing'}`);
        }
      }
    }
    return problems;
  }, selectors);
}

const FIRST_SCREEN = ['#landscape', '#play', '#step', '#reset', '#step-count', '#lr', '#lr-value', '#runners .readout'];

for (const size of [
  { name: 'laptop', viewport: { width: 1280, height: 800 }, options: {} },
  { name: 'phone', viewport: { width: 390, height: 844 }, options: { deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
]) {
  test(`first screen at ${size.viewport.width}x${size.viewport.height}: the whole widget, uncovered; a light page`, async () => {
    await withPage(site.browser, site.url, { viewport: size.viewport, ...size.options }, async (page) => {
      await ready(page);
      await page.waitForTimeout(1500); // let the chapter and the lazy parts settle
      assert.deepEqual(await firstScreenProblems(page, FIRST_SCREEN), []);
      const readouts = await page.$$eval('#runners .readout', (n) => n.map((e) => e.textContent));
      assert.equal(readouts.length, 3);
      for (const r of readouts) assert.match(r, READOUT);
      assert.equal(await textOf(page, '#play'), 'Pause', 'the race plays on arrival');
      const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
      console.log(`# ${size.name}: ${elements} DOM elements after load`);
      assert.ok(elements <= MAX_ELEMENTS, `${elements} elements after load`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
      await page.screenshot({ path: screenshotPath(`notebook-${size.viewport.width}x${size.viewport.height}`) });
    });
  });
}

test('wide screen: a section\'s "Try it" changes the race in place and the section stays in view', async () => {
  await withPage(site.browser, site.url, { viewport: { width: 1280, height: 800 } }, async (page) => {
    await ready(page);
    const section = page.locator('section.lesson[data-lesson-id="momentum"]');
    await section.scrollIntoViewIfNeeded();
    const button = section.locator('.lesson-try-button');
    await button.waitFor(); // the section fills in once it is near the screen
    // Read it: its heading at the top of the screen, as a reader who scrolled to it.
    await section.evaluate((s) => s.scrollIntoView({ block: 'start' }));
    await scrollSettled(page);
    const heading = section.locator('h2');
    // What the reader sees once the page has finished filling in around them (on a busy machine the
    // sections above can still be arriving): the heading at rest for 600 ms.
    await page.waitForFunction(() => new Promise((done) => {
      const h = document.querySelector('section.lesson[data-lesson-id="momentum"] h2');
      const y0 = h?.getBoundingClientRect().y;
      setTimeout(() => done(h?.getBoundingClientRect().y === y0), 600);
    }));
    const before = await page.evaluate(() => JSON.stringify(window.optlab.store.getState().runners));
    const headingBefore = await heading.boundingBox();
    assert.ok(headingBefore, 'the heading is laid out');
    assert.deepEqual(await firstScreenProblems(page, ['section.lesson[data-lesson-id="momentum"] h2']), [], 'the heading is covered');
    assert.ok(await button.isVisible());
    await button.click();
    await page.waitForFunction((b) => JSON.stringify(window.optlab.store.getState().runners) !== b, before);
    await page.waitForTimeout(500);
    const box = await heading.boundingBox();
    assert.ok(box, 'the heading is still laid out');
    assert.ok(Math.abs(box.y - headingBefore.y) < 2, `the page moved the section: ${headingBefore.y} -> ${box.y}`);
    assert.ok(box && box.y >= 0 && box.y + box.height <= 800, `section heading out of view: ${JSON.stringify(box)}`);
    assert.deepEqual(await firstScreenProblems(page, ['section.lesson[data-lesson-id="momentum"] h2']), [], 'the heading is covered');
    // The race in the sticky column shows the new race, in view, uncovered.
    assert.deepEqual(await firstScreenProblems(page, ['#landscape', '#play', '#runners .readout']), []);
    await page.waitForFunction(() => Number(document.getElementById('step-count')?.dataset.step) > 10);
    await page.screenshot({ path: screenshotPath('notebook-try-it') });
  });
});

test('phone: past the race it docks as a strip (map and transport) that expands', async () => {
  await withPage(site.browser, site.url, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, async (page) => {
    await ready(page);
    await page.waitForSelector('section.lesson');
    await page.evaluate(() => window.scrollTo(0, 2500));
    await page.waitForFunction(() => /** @type {HTMLElement} */ (document.getElementById('stage')).classList.contains('docked'));
    assert.deepEqual(await firstScreenProblems(page, ['#landscape', '#play', '#step', '#dock-toggle']), []);
    await page.screenshot({ path: screenshotPath('notebook-phone-strip') });
    await page.click('#dock-toggle');
    assert.equal(await page.getAttribute('#dock-toggle', 'aria-expanded'), 'true');
    assert.equal(await page.isVisible('#lr'), true);
    await page.click('#dock-toggle');
    assert.equal(await page.isVisible('#lr'), false);
  });
});

test('every landscape\'s formula shows whole above the map at 1280x800 (never cut to fit the column)', async () => {
  await withPage(site.browser, `${site.url}?autoplay=false`, { viewport: { width: 1280, height: 800 } }, async (page) => {
    await page.waitForFunction(() => document.querySelectorAll('#runners .runner').length > 0);
    const landscapes = await page.$$eval('#landscape-select option', (os) => os.map((o) => /** @type {HTMLOptionElement} */ (o).value));
    assert.ok(landscapes.length >= 10, `landscapes: ${landscapes}`);
    const cut = [];
    for (const name of landscapes) {
      await page.selectOption('#landscape-select', name);
      await page.waitForFunction(() => document.querySelector('#landscape-formula .katex'));
      const box = await page.$eval('#landscape-formula', (f) => ({ seen: f.clientHeight, whole: f.scrollHeight }));
      if (box.whole > box.seen + 1) cut.push(`${name}: ${box.seen} of ${box.whole} px shown`);
    }
    assert.deepEqual(cut, []);
  });
});

test('tools mount when opened, with no empty box before; a deep link to a section fills it and shows it', async () => {
  await withPage(site.browser, `${site.url}?section=adam&autoplay=false`, { viewport: { width: 1280, height: 800 } }, async (page) => {
    await page.waitForFunction(() => !document.querySelector('section.lesson[data-lesson-id="adam"]')?.classList.contains('lesson-pending'));
    // The reading column is shown once the first frame is built (no layout shift before it).
    await page.waitForFunction(() => document.documentElement.classList.contains('core-ready'));
    // The linked section's title comes to rest on screen once the page has settled around it (sections
    // above fill in meanwhile); read in the page, so a title re-rendered in between is read afresh.
    const onScreen = await page.waitForFunction(() => {
      const r = document.querySelector('section.lesson[data-lesson-id="adam"] h2')?.getBoundingClientRect();
      return Boolean(r && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight);
    }, null, { timeout: 10000 }).then(() => true, () => false);
    assert.ok(onScreen, 'the linked section is on screen');
    assert.equal(await page.locator('#basins-section').count(), 0, 'a closed tool is not in the page');
    await page.click('#tool-basins');
    await page.waitForSelector('#basins-compute');
    assert.equal(await page.isVisible('#basins-canvas'), false, 'no empty picture before the basins are computed');
    await page.click('#tool-basins');
    assert.equal(await page.isVisible('#basins-section'), false);
  });
});

test('large type: bigger text and bigger markers, the widget still complete at 1920x1080', async () => {
  const { page, context, errors } = await openPage(site.browser, `${site.url}?autoplay=false`, { viewport: { width: 1920, height: 1080 } });
  try {
    await page.waitForFunction(() => document.querySelectorAll('#runners .runner').length > 0);
    const small = await page.evaluate(() => window.optlab.map.view.markScale);
    await page.check('#large-type');
    await page.waitForFunction(() => window.optlab.map.view.markScale > 1);
    assert.ok(await page.evaluate(() => window.optlab.map.view.markScale) > small);
    await page.waitForTimeout(300);
    assert.deepEqual(await firstScreenProblems(page, FIRST_SCREEN), []);
    await page.screenshot({ path: screenshotPath('notebook-1920x1080-large-type') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('screenshot at 1920x1080', async () => {
  await withPage(site.browser, site.url, { viewport: { width: 1920, height: 1080 } }, async (page) => {
    await ready(page);
    await page.waitForFunction(() => Number(document.getElementById('step-count')?.dataset.step) > 400);
    assert.deepEqual(await firstScreenProblems(page, FIRST_SCREEN), []);
    await page.screenshot({ path: screenshotPath('notebook-1920x1080') });
  });
});

test('a tool that fails to load shows its own message; the race and the other tools go on', async () => {
  const { page, context, errors } = await openPage(site.browser, 'about:blank', { viewport: { width: 1280, height: 800 } });
  try {
    // The update-rule tool's module, broken on purpose: the source file, or in the bundled site
    // the chunk that carries it (found by a heading only that tool writes).
    const broken = { contentType: 'text/javascript', body: 'throw new Error("broken on purpose");' };
    await page.route('**/js/ui/update-rule.js', (route) => route.fulfill(broken));
    await page.route('**/assets/*.js', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      await route.fulfill(body.includes('as torch.optim runs it') ? broken : { response, body });
    });
    await page.goto(site.url);
    await ready(page);
    await page.click('#tool-rule');
    await page.waitForSelector('#rule .panel-error');
    assert.match(await textOf(page, '#rule .panel-error'), /could not be shown: .*broken on purpose/);
    const s = await page.evaluate(() => window.optlab.session.steps);
    await page.waitForFunction((n) => window.optlab.session.steps > n + 20, s);
    await page.click('#tool-inside');
    await page.waitForSelector('#buffers tr[data-buffer]');
    assert.ok(errors.every((e) => /update-rule|broken on purpose|Failed to fetch dynamically imported module/.test(e)), errors.join('\n'));
  } finally {
    await context.close();
  }
});
