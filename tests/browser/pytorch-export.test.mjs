// The "PyTorch script" export button on the race page: it downloads the script
// export/pytorch-script.js writes for the race on screen (runners named as on the page, the
// step the page is at as the default), and its "SGD from scratch" sibling. That the script's
// numbers equal the page's is tests/js/pytorch-export.test.mjs (it runs torch). A runner's lr
// schedule and clipping from the link are in the script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSiteAndBrowser, withPage, screenshotPath } from './harness.mjs';
import { openTool } from './page-helpers.mjs';

const site = useSiteAndBrowser();

test('PyTorch script and SGD from scratch download the race on screen as Python', async () => {
  const url = `${site.url}index.html?autoplay=false&opt=sgd&opt=sgd(momentum:0.9)&opt=adam&opt=adam~StepLR(step_size=5,gamma=0.5)~clip_grad_norm:5&lr=0.001`;
  await withPage(site.browser, url, { acceptDownloads: true }, async (page) => {
    await page.waitForFunction(() => window.optlab?.session?.landscape);
    for (let i = 0; i < 3; i++) await page.click('#transport button:has-text("Step")').catch(() => {});
    const labels = await page.evaluate(() => window.optlab.session.labels);
    const steps = await page.evaluate(() => window.optlab.session.steps);
    await openTool(page, 'export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-python')]);
    assert.match(download.suggestedFilename(), /\.py$/);
    const text = readFileSync(await download.path(), 'utf8');
    assert.match(text, /^#!\/usr\/bin\/python3/);
    assert.match(text, new RegExp(`^STEPS = ${steps}$`, 'm'));
    for (const label of labels) assert.ok(text.includes(`(${JSON.stringify(label)}, lambda params:`), label);
    assert.match(text, /torch\.optim\.SGD\(params, lr=0\.001, momentum=0\.9/);
    assert.match(text, /torch\.optim\.Adam\(params, lr=0\.001, betas=\(0\.9, 0\.999\)/);
    // The runner with a schedule and clipping from the link is in the script with both.
    assert.equal(labels.length, 4);
    assert.ok(text.includes(`(${JSON.stringify(labels[3])}, lambda params: torch.optim.Adam(`), labels[3]);
    assert.match(text, /lambda opt: torch\.optim\.lr_scheduler\.StepLR\(opt, step_size=5, gamma=0\.5\), 5\.0, None\),/);
    assert.doesNotMatch(text, /left out/);
    const [scratch] = await Promise.all([page.waitForEvent('download'), page.click('#export-python-scratch')]);
    assert.match(scratch.suggestedFilename(), /-sgd-from-scratch\.py$/);
    assert.match(readFileSync(await scratch.path(), 'utf8'), /class SGDFromScratch/);
    await page.locator('#export').screenshot({ path: screenshotPath('export-python-buttons') });
  });
});
