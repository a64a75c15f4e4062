// The resolution quiz contest as a participant takes it: the form, a full attempt by keyboard,
// a reload in the middle, the deadline passing, the submit confirmation and the review.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, axeViolations, start } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.stop(); });

/** Opens the contest in a fresh browser (with Playwright's fake clock when `clock` is set). */
function openContest(options = {}) {
  return app.open('/cuoc-thi', options);
}

/** Answers the question on screen: the first choice by key, or a typed short answer. */
async function answerCurrent(page) {
  const text = page.getByLabel('Câu trả lời của bạn');
  if (await text.count()) {
    await text.fill('nghị quyết');
    await text.press('Tab');
  } else {
    await page.keyboard.press('1');
  }
}

async function fillForm(page, { name = 'Nguyễn Văn An', unit = 'Chi bộ Khu phố 3' } = {}) {
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByLabel('Đơn vị / chi bộ').fill(unit);
}

/** What the question on screen shows as answered: checked choice values or the typed text. */
async function answerOnScreen(page) {
  const text = page.getByLabel('Câu trả lời của bạn');
  if (await text.count()) return [await text.inputValue()].filter(Boolean);
  return page.locator('.choices input:checked').evaluateAll((inputs) => inputs.map((i) => i.value));
}

async function questionNumber(page) {
  const text = await page.locator('.question-number').textContent();
  const [, current, total] = text.match(/^Câu (\d+)\/(\d+)$/);
  return { current: Number(current), total: Number(total) };
}

test('the form explains its rules and refuses missing details in Vietnamese', async () => {
  const page = await openContest();
  await page.getByRole('heading', { name: 'Thể lệ' }).waitFor();
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  await page.getByText('Vui lòng nhập họ và tên').waitFor();
  assert.equal(await page.getByLabel('Họ và tên').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'participant-name');
  await page.getByLabel('Email (không bắt buộc)').fill('khong-phai-email');
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  await page.getByText('Email không hợp lệ', { exact: false }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
});

test('a whole attempt by keyboard only, with review and history', async () => {
  const page = await openContest();
  await fillForm(page);
  await page.getByLabel('Đơn vị / chi bộ').press('Enter');
  await page.locator('.question-number').waitFor();
  const { total } = await questionNumber(page);
  assert.equal(total, 20);
  assert.deepEqual(await axeViolations(page), []);
  for (let i = 1; i <= total; i += 1) {
    assert.equal((await questionNumber(page)).current, i);
    await answerCurrent(page);
    const short = await page.getByLabel('Câu trả lời của bạn').count();
    assert.ok(short || await page.locator('.choices input:checked').count() >= 1, `question ${i} answered`);
    await page.keyboard.press('ArrowRight');
  }
  await page.getByRole('heading', { name: 'Nộp bài' }).waitFor();
  await page.getByLabel('Dự đoán của bạn').fill('12');
  await page.getByRole('button', { name: 'Nộp bài' }).press('Enter');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Nộp bài ngay' }).press('Enter');
  await page.getByRole('heading', { name: 'Kết quả', exact: true }).waitFor();
  await page.getByText(/câu đúng/).first().waitFor();
  const review = page.getByRole('list', { name: 'Xem lại bài làm' });
  assert.equal(await review.getByRole('listitem').count(), total);
  await review.getByText('Giải thích:').first().waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${ARTIFACTS}/contest-result-desktop.png`, fullPage: true });
  await page.reload();
  await page.getByRole('heading', { name: 'Lịch sử' }).waitFor();
  assert.equal(await page.getByRole('list', { name: 'Lịch sử' }).getByRole('listitem').count(), 1);
  assert.deepEqual(page.problems, []);
});

test('a reload keeps the answers, the question and the running clock', async () => {
  const page = await openContest({ clock: true });
  await fillForm(page);
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  await answerCurrent(page);
  await page.getByRole('button', { name: 'Câu tiếp' }).click();
  await answerCurrent(page);
  const picked = await answerOnScreen(page);
  assert.ok(picked.length > 0);
  await page.clock.fastForward('02:00');
  const before = await page.getByRole('timer').textContent();
  await page.reload();
  await page.locator('.question-number').waitFor();
  assert.equal((await questionNumber(page)).current, 2);
  assert.deepEqual(await answerOnScreen(page), picked);
  const afterReload = await page.getByRole('timer').textContent();
  assert.ok(afterReload <= before, `clock went back from ${before} to ${afterReload}`);
  assert.ok(afterReload <= '13:00', `clock restarted: ${afterReload}`);
  const map = page.getByRole('navigation', { name: 'Bản đồ câu hỏi' });
  await map.getByRole('button', { name: 'Câu 1, đã trả lời' }).click();
  assert.equal((await questionNumber(page)).current, 1);
  assert.deepEqual(page.problems, []);
});

test('the deadline submits the answers given, even while the page was closed', async () => {
  const page = await openContest({ clock: true });
  await fillForm(page);
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  await answerCurrent(page);
  await page.clock.fastForward('10:00');
  await page.getByText('Còn 5 phút làm bài.').waitFor();
  const url = page.url();
  await page.goto(app.base + '/');
  await page.clock.fastForward('06:00');
  await page.goto(url);
  await page.getByRole('heading', { name: 'Kết quả', exact: true }).waitFor();
  await page.getByText('Hết giờ: bài được nộp tự động').waitFor();
  assert.deepEqual(page.problems, []);
});

test('submitting with unanswered questions asks first and lists them', async () => {
  const page = await openContest();
  await fillForm(page);
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  await answerCurrent(page);
  await page.getByRole('button', { name: 'Nộp bài' }).first().click();
  await page.getByRole('heading', { name: 'Nộp bài' }).waitFor();
  await page.getByText('Bạn còn 19 câu chưa trả lời').waitFor();
  await page.getByLabel('Dự đoán của bạn').fill('3');
  await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText('19 câu chưa trả lời').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Nộp bài ngay');
  assert.deepEqual(await axeViolations(page), []);
  await dialog.getByRole('button', { name: 'Quay lại làm tiếp' }).click();
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Nộp bài ngay' }).click();
  await page.getByRole('heading', { name: 'Kết quả', exact: true }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  // Each reviewed question links to the handbook section that states its answer.
  await page.getByRole('link', { name: 'Xem trong sổ tay' }).first().click();
  await page.waitForURL(/\/so-tay\/[a-z0-9-]+#[a-z0-9-]+$/);
  const anchor = new URL(page.url()).hash.slice(1);
  await page.waitForFunction((id) => document.activeElement?.id === id, anchor);
  assert.deepEqual(page.problems, []);
});

test('the contest reads well on a 360 px phone', async () => {
  const page = await openContest({ viewport: { width: 360, height: 740 } });
  await fillForm(page);
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  await page.locator('.question-number').waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width}px wide`);
  for (const box of await page.locator('.choices label').evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().height))) {
    assert.ok(box >= 44, `touch target ${box}px high`);
  }
  await page.screenshot({ path: `${ARTIFACTS}/contest-question-360.png`, fullPage: true });
  assert.deepEqual(page.problems, []);
});
