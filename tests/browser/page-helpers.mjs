// Helpers for tests of the main page as a reader uses it: tools open from the tool bar,
// chapter sections fill in when they come near the screen.

/** Opens a tool from the tool bar (if it is not open) and waits until it has mounted. */
export async function openTool(page, id) {
  const button = page.locator(`#tool-${id}`);
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.waitForFunction((t) => {
    const s = /** @type {HTMLElement | null} */ (document.querySelector(`[data-tool="${t}"]`));
    return s && !s.hidden && s.getAttribute('aria-busy') !== 'true';
  }, id);
}

/** Scrolls through the chapter so that every section fills in, then waits for `quizzes` quick checks. */
export async function readWholeChapter(page, quizzes = 9) {
  await page.waitForSelector('section.lesson[data-lesson-id]', { state: 'attached' });
  const ids = await page.$$eval('section.lesson[data-lesson-id]', (s) => s.map((e) => e.dataset.lessonId));
  for (const id of ids) {
    // As a reader does: scroll to the section, and again if what filled in above pushed it away.
    await page.waitForFunction((i) => {
      const s = document.querySelector(`section.lesson[data-lesson-id="${i}"]`);
      if (!s?.classList.contains('lesson-pending')) return true;
      s.scrollIntoView();
      return false;
    }, id, { polling: 250 });
  }
  await page.waitForFunction((n) => document.querySelectorAll('#quizzes section.quiz').length >= n, quizzes, { timeout: 20000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Fraction of the map's pixels (its layers composed) that are not blank. */
export function mapNonBlankFraction(page) {
  return page.evaluate(() => {
    const top = /** @type {HTMLCanvasElement} */ (document.getElementById('landscape'));
    const c = document.createElement('canvas');
    c.width = top.width;
    c.height = top.height;
    const g = /** @type {CanvasRenderingContext2D} */ (c.getContext('2d'));
    for (const layer of /** @type {HTMLElement} */ (top.parentElement).querySelectorAll('canvas')) g.drawImage(layer, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && !(d[i] > 250 && d[i + 1] > 250 && d[i + 2] > 250)) n++;
    return n / (d.length / 4);
  });
}
