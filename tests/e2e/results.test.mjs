// Signed results as a learner and an organiser use them: download the signed JSON after a
// contest, verify it on the verify page, see an edited copy rejected with its reason, and
// print the certificate.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ARTIFACTS, axeViolations, start } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.stop(); });

/** Takes a short contest (one answer) to its result page. */
async function finishContest(page) {
  await page.getByLabel('Họ và tên').fill('Trần Thị Bình');
  await page.getByLabel('Đơn vị / chi bộ').fill('Chi bộ Phường 7');
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  const text = page.getByLabel('Câu trả lời của bạn');
  if (await text.count()) await text.fill('số'); else await page.keyboard.press('1');
  await page.getByRole('button', { name: 'Nộp bài' }).first().click();
  await page.getByLabel('Dự đoán của bạn').fill('7');
  await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Nộp bài ngay' }).click();
  await page.getByRole('heading', { name: 'Kết quả', exact: true }).waitFor();
}

async function verifyPasted(page, text) {
  await page.getByLabel('Hoặc dán nội dung JSON').fill(text);
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  return page.getByRole('list', { name: 'Kết quả kiểm tra' }).getByRole('listitem').first();
}

test('a downloaded result verifies, an edited one does not, and the certificate prints', async () => {
  const page = await app.open('/cuoc-thi');
  await finishContest(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải kết quả (JSON)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^ket-qua-tran-thi-binh-\d\d-\d\d-\d{4}\.json$/);
  const path = `${ARTIFACTS}/result.json`;
  await download.saveAs(path);
  const signed = await readFile(path, 'utf8');
  const credential = JSON.parse(signed);
  assert.deepEqual(credential.type, ['VerifiableCredential', 'QuizResultCredential']);
  assert.equal(credential.proof.cryptosuite, 'eddsa-jcs-2022');
  assert.equal(credential.issuer, credential.credentialSubject.id);

  // The organiser's view: pick the file on the verify page.
  await page.goto(app.base + '/xac-minh');
  await page.getByLabel('Chọn tệp kết quả (.json)').setInputFiles(path);
  const item = page.getByRole('list', { name: 'Kết quả kiểm tra' }).getByRole('listitem').first();
  await item.getByText('Hợp lệ', { exact: true }).waitFor();
  await item.getByText('Trần Thị Bình — Chi bộ Phường 7').waitFor();
  const fingerprint = await item.locator('dt:text("Mã kết quả") + dd').textContent();
  assert.match(fingerprint, /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  assert.deepEqual(await axeViolations(page), []);

  // One answer changed: the signature no longer holds.
  const edited = structuredClone(credential);
  const first = edited.credentialSubject.answers[0];
  if ('choice' in first.answer) first.answer.choice = (first.answer.choice + 1) % 2;
  else if ('choices' in first.answer) first.answer.choices = [];
  else first.answer.text += ' sửa';
  const rejected = await verifyPasted(page, JSON.stringify(edited));
  await rejected.getByText('Không hợp lệ', { exact: true }).waitFor();
  await rejected.getByText('chữ ký không hợp lệ', { exact: false }).waitFor();

  // A score raised by hand (re-signing is impossible without the key) is also refused.
  const raised = structuredClone(credential);
  raised.credentialSubject.score = raised.credentialSubject.maxScore;
  await (await verifyPasted(page, JSON.stringify(raised))).getByText('Không hợp lệ', { exact: true }).waitFor();

  // Duplicate member names are refused, and bad JSON is located.
  const duplicated = signed.replace('"seed":', '"seed":"1","seed":');
  await (await verifyPasted(page, duplicated)).getByText('xuất hiện hai lần', { exact: false }).waitFor();
  await (await verifyPasted(page, '{"a": 1,')).getByText('dòng 1', { exact: false }).waitFor();
  assert.deepEqual(await axeViolations(page), []);

  // The certificate shows the same result fingerprint, and prints without the buttons.
  await page.goto(app.base + '/cuoc-thi');
  await page.getByRole('button', { name: /^Lượt thi lúc/ }).click();
  await page.getByRole('link', { name: 'Giấy chứng nhận' }).click();
  await page.getByRole('heading', { level: 1, name: 'Giấy chứng nhận' }).waitFor();
  await page.getByText('Trần Thị Bình').waitFor();
  assert.equal(await page.locator('dt:text("Mã kết quả") + dd').textContent(), fingerprint);
  assert.deepEqual(await axeViolations(page), []);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'In giấy chứng nhận' }).isVisible(), false);
  await page.screenshot({ path: `${ARTIFACTS}/certificate-print.png` });
  assert.deepEqual(page.problems, []);
});

/** Backs the key of `page` up from the verify page and returns the saved path. */
async function backupKey(page, name) {
  await page.goto(app.base + '/xac-minh');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Sao lưu khóa' }).click(),
  ]);
  const path = `${ARTIFACTS}/${name}`;
  await download.saveAs(path);
  return path;
}

test('the key is backed up, a damaged backup is refused, and another key replaces it only when asked', async () => {
  const first = await app.open('/cuoc-thi');
  await finishContest(first);
  const firstBackup = await backupKey(first, 'key-first.json');
  const firstDid = await first.locator('code.did').textContent();
  assert.match(firstDid, /^did:key:z6Mk/);

  const second = await app.open('/cuoc-thi');
  await finishContest(second);
  const secondBackup = await backupKey(second, 'key-second.json');
  const secondDid = await second.locator('code.did').textContent();
  assert.notEqual(secondDid, firstDid);

  const restore = first.getByLabel('Khôi phục khóa từ tệp sao lưu');
  await restore.setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from('{"type":') });
  await first.getByText('Không khôi phục được khóa: tệp sao lưu không phải JSON hợp lệ', { exact: false }).waitFor();
  assert.equal(await first.locator('code.did').textContent(), firstDid);

  await restore.setInputFiles(secondBackup);
  const dialog = first.getByRole('alertdialog');
  await dialog.getByText('Thay bằng khóa', { exact: false }).waitFor();
  assert.deepEqual(await axeViolations(first), []);
  await dialog.getByRole('button', { name: 'Giữ khóa hiện tại' }).click();
  assert.equal(await first.locator('code.did').textContent(), firstDid);

  await restore.setInputFiles(secondBackup);
  await first.getByRole('alertdialog').getByRole('button', { name: 'Thay khóa' }).click();
  await first.getByText('Đã khôi phục khóa', { exact: false }).waitFor();
  assert.equal(await first.locator('code.did').textContent(), secondDid);
  await first.reload();
  await first.locator('code.did').waitFor();
  assert.equal(await first.locator('code.did').textContent(), secondDid);
  assert.ok(firstBackup);
  assert.deepEqual(first.problems, []);
  assert.deepEqual(second.problems, []);
});
