// Shared set-up of the end-to-end tests: serves the release build (dist/) with the strict CSP,
// starts Debian's Chromium through playwright-core on a fresh profile per page, and records every
// console error, page error and CSP violation so that each test can assert there were none.
import { mkdtemp, readFile, rm, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Where tests save artefacts such as screenshots. */
export const ARTIFACTS = 'test-results';

/** A served app; `open()` gives a page, in a browser of its own, that records its problems. */
export async function start() {
  const server = await serve('dist', 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browsers = [];
  await mkdir(ARTIFACTS, { recursive: true });

  /**
   * Opens `path` in a fresh browser profile (empty storage, its own clock), optionally after
   * running `init` before any page script, or with Playwright's fake clock when `clock` is set.
   */
  async function open(path = '/', { viewport, init, colorScheme, clock = false } = {}) {
    const profile = await mkdtemp(join(tmpdir(), 'hocso-e2e-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      locale: 'vi-VN',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    browsers.push({ context, profile });
    const page = context.pages()[0] ?? await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    if (init) await page.addInitScript(init);
    if (clock) await page.clock.install();
    if (viewport) await page.setViewportSize(viewport);
    if (colorScheme) await page.emulateMedia({ colorScheme });
    await page.goto(base + path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    page.problems = problems;
    return page;
  }

  async function stop() {
    for (const { context, profile } of browsers) {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
    await new Promise((ok) => server.close(ok));
  }

  return { base, open, stop };
}

/** Runs axe-core on the page and returns its violations (id: nodes) as readable strings. */
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline script) is untouched.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
}
