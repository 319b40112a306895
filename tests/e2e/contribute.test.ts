/**
 * /contribute/: a person without git fills in an event; the file the page gives passes
 * `npm run validate`, and bad input gets the validator's own messages, linked to the fields.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './embed-helpers.ts';
import { ROOT, closeBrowser, expectNoErrors, openPage } from './harness.ts';

afterAll(closeBrowser);

const SHOTS = join(ROOT, 'tests/.tmp/screens');

/** Runs `npm run validate`'s script on the repository's content plus `file`; its output lines and exit code. */
function validateWith(path: string, text: string): { status: number | null; lines: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'contribute-'));
  try {
    cpSync(join(ROOT, 'src/content'), join(root, 'src/content'), { recursive: true });
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/validate.ts'), root], {
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: '' },
    });
    return { status: result.status, lines: result.stdout.split('\n').filter((line) => line.startsWith('src/')) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Fills in the form's first source: the fields a source must have. */
async function fillSource(page: Page) {
  await page.fill('#f-sources-0-title', 'A test source');
  await page.fill('#f-sources-0-publisher', 'Example Publisher');
  await page.fill('#f-sources-0-url', 'https://www.lemonde.fr/a');
  await page.fill('#f-sources-0-published', '2017-05-06');
  await page.fill('#f-sources-0-language', 'en');
}

/** Fills in a statement by Emmanuel Macron in the macron-2017 incident, with one source. */
async function fillGoodEvent(page: Page) {
  await page.selectOption('#f-incident', 'macron-2017');
  await page.fill('#f-title', 'Test event: a statement after the leak');
  await page.selectOption('#f-kind', 'statement');
  await page.selectOption('#f-status', 'reported');
  await page.fill('#f-summary', 'A test summary in plain text.');
  await page.fill('#f-date', '2017');
  await page.fill('#f-date-month', '5');
  await page.fill('#f-date-day', '6');
  await page.fill('#f-statement-speaker', 'emmanuel-macron');
  await page.click('#f-actors');
  await page.fill('#f-actors-0-id', 'emmanuel-macron');
  await page.selectOption('#f-actors-0-role', 'speaker');
  await fillSource(page);
  await page.selectOption('#f-sources-0-kind', 'news');
  await page.fill('#f-body', 'The campaign said **this**, as [a source](https://www.lemonde.fr/a) reports.\n\n- one\n- two');
}

const pageProblems = (page: Page) =>
  page.locator('#error-list li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.problem!));

describe('the /contribute/ form', () => {
  it('writes a file that npm run validate accepts, and offers download, copy and GitHub', async () => {
    const { page, errors } = await openPage('/contribute/');
    await fillGoodEvent(page);
    expect(await page.inputValue('#f-slug')).toBe('test-event-a-statement-after-the-leak');
    // The preview shows Markdown as text: the link is not a link.
    await expect.poll(() => page.locator('#body-preview strong').textContent()).toBe('this');
    expect(await page.locator('#body-preview a').count()).toBe(0);
    expect(await page.locator('#body-preview li').count()).toBe(2);

    await page.click('button[type=submit]');
    await page.waitForSelector('#output:not([hidden])');
    expect(await page.locator('#error-summary').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('output-heading');
    const path = 'src/content/events/macron-2017/test-event-a-statement-after-the-leak.mdx';
    expect(await page.textContent('#file-path')).toBe(path);

    const download = page.waitForEvent('download');
    await page.click('#download');
    const file = await download;
    expect(file.suggestedFilename()).toBe('test-event-a-statement-after-the-leak.mdx');
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text).toBe(await page.inputValue('#file-text'));
    expect(text).toContain('date: "2017-05-06"');
    expect(text).toContain('statement:\n  speaker: emmanuel-macron');

    const github = new URL((await page.getAttribute('#open-github', 'href'))!);
    expect(`${github.origin}${github.pathname}`).toBe(
      'https://github.com/election-integrity-timeline/election-integrity-timeline/new/main',
    );
    expect(github.searchParams.get('filename')).toBe(path);
    expect(github.searchParams.get('value')).toBe(text);

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click('#copy');
    await expect.poll(() => page.textContent('#output-status')).toBe('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    const result = validateWith(path, text);
    expect(result.lines).toEqual([]);
    expect(result.status).toBe(0);
    expectNoErrors(errors);
  });

  it('refuses bad input with the messages npm run validate gives, each linked to its field', async () => {
    const { page, errors } = await openPage('/contribute/');
    await fillGoodEvent(page);
    await page.fill('#f-title', 'Bell\u0007 in the title');
    await page.fill('#f-body', 'See [this](javascript:alert(1)).');
    await page.click('#g-sources [data-remove]');
    await page.fill('#f-statement-speaker', 'nobody-we-know');
    await page.click('button[type=submit]');
    await page.waitForSelector('#error-summary:not([hidden])');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    expect(await page.locator('#output').isHidden()).toBe(true);

    const shown = await pageProblems(page);
    const text = await page.inputValue('#file-text');
    const validator = validateWith('src/content/events/macron-2017/bell-in-the-title.mdx', text);
    expect(validator.status).toBe(1);
    // Every message is the validator's, word for word, at the same line and column, the body's link included.
    expect(shown).toEqual(validator.lines);
    const bell = 'title: must not contain control characters (found U+0007); retype the text';
    expect(shown).toContainEqual(expect.stringContaining(bell));
    expect(shown).toContainEqual(expect.stringMatching(/\s sources: is required$/));
    // The body's link is refused here as by the validator; the full MDX parse is left to the pull request's check.
    expect(shown).toContainEqual(expect.stringContaining('body: link to "javascript:alert(1)" is not allowed'));
    expect(await page.textContent('#h-body')).toContain("the pull request's automatic check then parses it fully");

    // Each message links to its field, which names the message for screen readers.
    const title = page.locator('#f-title');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    const described = (await title.getAttribute('aria-describedby'))!.split(' ');
    const messages = await Promise.all(described.map((id) => page.textContent(`#${id}`)));
    expect(messages).toContain(bell);
    await page.locator('#error-list a', { hasText: 'title:' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-title');
    await page.locator('#error-list a', { hasText: 'sources:' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-sources');
    // The control character is shown escaped in the file, never raw in the page's messages.
    expect(text).toContain('title: "Bell\\a in the title"');

    // Fixing the problems (as the messages say) gives a file again. As in the validator,
    // references are checked once the schema passes: the unknown speaker shows up then.
    await page.fill('#f-title', 'Bell in the title');
    await page.fill('#f-body', 'See [this](https://www.lemonde.fr/b).');
    await page.click('#f-sources');
    await fillSource(page);
    await page.click('button[type=submit]');
    await expect
      .poll(async () => (await pageProblems(page)).map((line) => line.replace(/^\S+\s+/, '')))
      .toEqual(['statement.speaker: no actor "nobody-we-know": add src/content/actors/nobody-we-know.yaml or fix the id']);
    const again = validateWith('src/content/events/macron-2017/bell-in-the-title.mdx', await page.inputValue('#file-text'));
    expect(await pageProblems(page)).toEqual(again.lines);
    await page.locator('#error-list a', { hasText: 'statement.speaker:' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-statement-speaker');
    await page.fill('#f-statement-speaker', 'emmanuel-macron');
    await page.click('button[type=submit]');
    await page.waitForSelector('#output:not([hidden])');
    expect(await page.locator('#error-summary').isHidden()).toBe(true);
    expect(await page.locator('[aria-invalid=true]').count()).toBe(0);
    expectNoErrors(errors);
  });

  it('tells about a broken link in the description before the person sends it', async () => {
    const { page, errors } = await openPage('/contribute/');
    await fillGoodEvent(page);
    await page.fill('#f-body', 'The campaign said so, as [a source](https//www.lemonde.fr/a) reports.');
    await page.click('button[type=submit]');
    await page.waitForSelector('#error-summary:not([hidden])');
    const message = 'body: link "https//www.lemonde.fr/a" is missing the colon: write https://www.lemonde.fr/a';
    const shown = await pageProblems(page);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^src\/content\/events\/macron-2017\/test-event-a-statement-after-the-leak\.mdx:\d+:26 {2}/);
    expect(shown[0].slice(-message.length)).toBe(message);
    expect(await page.locator('#output').isHidden()).toBe(true);
    // The validator says the same, at the same place; the message leads to the description.
    expect(
      validateWith('src/content/events/macron-2017/test-event-a-statement-after-the-leak.mdx', await page.inputValue('#file-text')).lines,
    ).toEqual(shown);
    await page.locator('#error-list a', { hasText: 'body:' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-body');
    expect(await page.getAttribute('#f-body', 'aria-invalid')).toBe('true');
    await page.fill('#f-body', 'The campaign said so, as [a source](https://www.lemonde.fr/a) reports.');
    await page.click('button[type=submit]');
    await page.waitForSelector('#output:not([hidden])');
    expectNoErrors(errors);
  });

  it("says to upload the file instead when it is too long for GitHub's address", async () => {
    const { page, errors } = await openPage('/contribute/');
    await fillGoodEvent(page);
    await page.click('button[type=submit]');
    await page.waitForSelector('#output:not([hidden])');
    expect(await page.locator('#long-note').isHidden()).toBe(true);
    await page.fill(
      '#f-body',
      Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1}: ${'a plain sentence of the description. '.repeat(20)}`).join('\n\n'),
    );
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('#long-note').isVisible()).toBe(true);
    expect(await page.textContent('#long-note')).toContain('“Add file” → “Upload files”');
    expectNoErrors(errors);
  });

  it('writes the date at the precision chosen, with the incident zone offset on request', async () => {
    const { page, errors } = await openPage('/contribute/');
    await page.selectOption('#f-incident', 'macron-2017');
    await page.selectOption('#f-date-precision', 'minute');
    await page.fill('#f-date', '2017');
    await page.fill('#f-date-month', '05');
    await page.fill('#f-date-day', '05');
    await page.fill('#f-date-time', '20:35');
    await page.click('#g-date [data-offset-helper]');
    expect(await page.inputValue('#f-date-offset')).toBe('+02:00');
    expect(await page.textContent('#g-date [data-date-preview]')).toContain('2017-05-05T20:35+02:00');
    await page.selectOption('#f-date-precision', 'month');
    expect(await page.locator('#f-date-day').isVisible()).toBe(false);
    expect(await page.textContent('#g-date [data-date-preview]')).toBe('2017-05');
    // A blackout is a span: choosing it asks for the end and shows its block.
    await page.selectOption('#f-kind', 'blackout');
    expect(await page.locator('#f-end').isVisible()).toBe(true);
    expect(await page.locator('#f-blackout-legalBasis').isVisible()).toBe(true);
    expect(await page.locator('#f-statement-speaker').isVisible()).toBe(false);
    expectNoErrors(errors);
  });

  it('loads its scripts on this page alone, and says what to do without JavaScript', async () => {
    const { page, errors } = await openPage('/', { viewport: { width: 1280, height: 900 } });
    const home = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(home.filter((url) => /contribute/.test(url))).toEqual([]);
    const event = await openPage('/events/macron-2017/emleaks-posted/');
    await event.page.getByRole('link', { name: 'Add it with the form' }).click();
    await event.page.waitForURL(/\/contribute\/$/);
    const noScript = await openPage('/contribute/', { javaScript: false });
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees, not the hidden text
    expect(await noScript.page.locator('body').innerText()).toContain('This form needs JavaScript to write and check the file.');
    expectNoErrors(errors);
    expectNoErrors(event.errors);
  });

  it('speaks French on /fr/contribute/, with the validator’s own English messages marked as English', async () => {
    const { page, errors } = await openPage('/fr/contribute/');
    await fillGoodEvent(page);
    await page.fill('#f-title', 'Bell\u0007 in the title');
    await page.getByRole('button', { name: 'Vérifier l’événement' }).click();
    await page.waitForSelector('#error-summary:not([hidden])');
    expect(await page.textContent('#error-summary-heading')).toBe('1 problème à corriger');
    expect(await page.textContent('#check-status')).toBe('1 problème\u202f: voir la liste en haut de la page.');
    const shown = await pageProblems(page);
    expect(shown).toEqual(validateWith('src/content/events/macron-2017/bell-in-the-title.mdx', await page.inputValue('#file-text')).lines);
    const bell = 'title: must not contain control characters (found U+0007); retype the text';
    expect(shown[0].slice(-bell.length)).toBe(bell);
    expect(await page.getAttribute('#error-list', 'lang')).toBe('en');
    expect(await page.locator('.field-error[lang="en"]').count()).toBe(1);
    expect(await page.textContent('label[for="f-sources-0-publisher"]')).toContain('Éditeur');
    expect(await page.textContent('#body-preview')).toContain('campaign said');
    expectNoErrors(errors);
  });

  for (const width of [375, 1280]) {
    it(`fits a ${width} px screen and has no serious accessibility violations, with problems shown`, async () => {
      const { page, errors } = await openPage('/contribute/', { viewport: { width, height: 900 } });
      await page.click('button[type=submit]');
      await page.waitForSelector('#error-summary:not([hidden])');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await seriousViolations(page)).toEqual([]);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `contribute-${width}.png`), fullPage: true });
      await fillGoodEvent(page);
      await page.click('button[type=submit]');
      await page.waitForSelector('#output:not([hidden])');
      await page.screenshot({ path: join(SHOTS, `contribute-${width}-ready.png`), fullPage: true });
      expectNoErrors(errors);
    });
  }
});
