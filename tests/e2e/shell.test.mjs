// The app shell as a person uses it: every route by its Vietnamese label, the keyboard, the
// 404 page, a phone-sized screen, accessibility, the CSP, and saved data going wrong.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, axeViolations, start } from './harness.mjs';
import { CSP } from '../../scripts/serve.mjs';

const ENTRIES = [
  ['Cuộc thi', '/cuoc-thi'],
  ['Luyện tập', '/luyen-tap'],
  ['Sổ tay', '/so-tay'],
  ['Bình dân học vụ số', '/binh-dan-hoc-vu-so'],
  ['Xác minh kết quả', '/xac-minh'],
  ['Nhúng', '/nhung'],
];

let app;
before(async () => { app = await start(); });
after(async () => { await app.stop(); });

test('the server sends the strict CSP and the page has no inline script or style', async () => {
  const response = await fetch(app.base + '/');
  assert.equal(response.headers.get('content-security-policy'), CSP);
  const html = await response.text();
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'inline <script> in index.html');
  assert.doesNotMatch(html, /<style|style=/, 'inline style in index.html');
});

test('home page offers every entry and each one opens its page', async () => {
  const page = await app.open('/');
  assert.equal(await page.title(), 'Học số');
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  const nav = page.getByRole('navigation', { name: 'Các mục chính' });
  for (const [label, path] of ENTRIES) {
    await nav.getByRole('link', { name: new RegExp(`^${label}`) }).click();
    await page.waitForURL(app.base + path);
    const heading = page.getByRole('heading', { level: 1 });
    assert.equal(await heading.textContent(), label);
    assert.equal(await page.title(), `${label} · Học số`);
    await page.getByRole('banner').getByRole('link', { name: 'Học số' }).click();
    await page.getByRole('heading', { level: 1, name: 'Học số' }).waitFor();
  }
  assert.deepEqual(page.problems, []);
});

test('the home page works from the keyboard alone', async () => {
  const page = await app.open('/');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Bỏ qua, đến nội dung chính');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  // From the main region, the first Tab reaches the first entry; Enter follows it.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.textContent);
  assert.match(focused, /^Cuộc thi/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Cuộc thi' }).waitFor();
  // Shift+Tab from the top of the page walks back through the header controls.
  await page.goto(app.base + '/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  const order = [];
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.getAttribute('aria-label')
      ?? document.activeElement.labels?.[0]?.textContent ?? document.activeElement.textContent));
  }
  assert.deepEqual(order.slice(0, 3), ['Bỏ qua, đến nội dung chính', 'Học số', 'Cỡ chữ']);
  assert.match(order[3], /^Cuộc thi/);
  assert.deepEqual(page.problems, []);
});

test('an unknown address shows the Vietnamese 404 page', async () => {
  const page = await app.open('/khong-co-trang-nay');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Không tìm thấy trang');
  assert.equal(await page.title(), 'Không tìm thấy trang · Học số');
  await page.getByRole('link', { name: 'Về trang chủ' }).click();
  await page.getByRole('heading', { level: 1, name: 'Học số' }).waitFor();
  assert.deepEqual(page.problems, []);
});

test('every route passes axe-core with no violation, in light and dark mode', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const path of ['/', ...ENTRIES.map(([, p]) => p), '/khong-co-trang-nay']) {
      const page = await app.open(path, { colorScheme });
      assert.deepEqual(await axeViolations(page), [], `${path} (${colorScheme})`);
      assert.deepEqual(page.problems, [], `${path} (${colorScheme})`);
      await page.close();
    }
  }
});

test('a 360 px wide phone shows the home page without sideways scrolling', async () => {
  const page = await app.open('/', { viewport: { width: 360, height: 740 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 360, `page is ${overflow}px wide`);
  await page.screenshot({ path: `${ARTIFACTS}/home-360.png`, fullPage: true });
  assert.deepEqual(page.problems, []);
});

test('the chosen text size is saved and survives a reload', async () => {
  const page = await app.open('/');
  await page.getByLabel('Cỡ chữ').selectOption({ label: 'Chữ rất lớn' });
  assert.equal(await page.locator('html').getAttribute('class'), 'text-xlarge');
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('html').getAttribute('class'), 'text-xlarge');
  assert.equal(await page.getByLabel('Cỡ chữ').inputValue(), 'text-xlarge');
  await page.getByLabel('Cỡ chữ').selectOption({ label: 'Chữ vừa' });
  assert.deepEqual(page.problems, []);
});

test('corrupted saved data is moved aside, kept, and the learner is told', async () => {
  const page = await app.open('/');
  await page.evaluate(() => localStorage.setItem('hocso:v1:prefs', '{"v":1,"data":{"text_size":'));
  await page.reload();
  const notice = page.getByRole('status');
  await notice.getByText('Không đọc được một phần dữ liệu đã lưu').waitFor();
  const kept = await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('hocso:corrupt:hocso:v1:prefs:'))
    .map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, ['{"v":1,"data":{"text_size":']);
  await notice.getByRole('button', { name: 'Đã hiểu' }).click();
  assert.equal(await page.getByText('Không đọc được một phần dữ liệu đã lưu').count(), 0);
  assert.deepEqual(page.problems, []);
});

test('without browser storage the app says so and keeps working in memory', async () => {
  const page = await app.open('/', {
    init: () => Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('storage is disabled', 'SecurityError'); },
    }),
  });
  await page.getByRole('status').getByText('Trình duyệt không cho phép lưu dữ liệu').waitFor();
  await page.getByLabel('Cỡ chữ').selectOption({ label: 'Chữ lớn' });
  assert.equal(await page.locator('html').getAttribute('class'), 'text-large');
  await page.getByRole('link', { name: /^Sổ tay/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Sổ tay' }).waitFor();
  assert.deepEqual(page.problems, []);
});
