// The handbook as a reader uses it: the list of documents, a document with its sections and
// tables, links between sections, and hostile-looking text shown as text.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, axeViolations, start } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.stop(); });

test('the handbook lists its documents and opens each one', async () => {
  const page = await app.open('/so-tay');
  const list = page.getByRole('list', { name: 'Tài liệu' });
  const count = await list.getByRole('listitem').count();
  assert.ok(count >= 8, `${count} documents`);
  await list.getByRole('link').first().click();
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  const title = await page.getByRole('heading', { level: 1 }).textContent();
  assert.equal(await page.title(), `${title} · Học số`);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('link', { name: 'Tất cả tài liệu trong sổ tay' }).click();
  await page.getByRole('list', { name: 'Tài liệu' }).waitFor();
  assert.deepEqual(page.problems, []);
});

test('every document passes axe-core and fits a 360 px phone', async () => {
  const page = await app.open('/so-tay', { viewport: { width: 360, height: 740 } });
  const hrefs = await page.getByRole('list', { name: 'Tài liệu' }).getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  for (const href of hrefs) {
    await page.goto(app.base + href);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    assert.deepEqual(await axeViolations(page), [], href);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${href} is ${width}px wide`);
  }
  await page.screenshot({ path: `${ARTIFACTS}/handbook-360.png`, fullPage: true });
  assert.deepEqual(page.problems, []);
});

test('an address with a section opens the document at that section', async () => {
  const page = await app.open('/so-tay/nq57-tong-quan#ban-hanh');
  await page.waitForFunction(() => document.activeElement?.id === 'ban-hanh');
  assert.deepEqual(page.problems, []);
});

test('an unknown document shows the 404 page', async () => {
  const page = await app.open('/so-tay/khong-co');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Không tìm thấy trang');
  assert.deepEqual(page.problems, []);
});
