// End-to-end test of the search page in headless Chromium against a running saywho-search --http.
// Usage: node search_page_test.mjs BASE_URL SCREENSHOT_PATH   (run.sh starts the server and passes both)

import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const [baseUrl, screenshotPath] = process.argv.slice(2);
if (!baseUrl || !screenshotPath) {
  console.error('usage: node search_page_test.mjs BASE_URL SCREENSHOT_PATH');
  process.exit(2);
}

const TIMEOUT_MS = 10000;
const SCRIPT_TEXT = '<script>alert(1)</script>';
const IMG_TEXT = '<img src=x onerror=alert(1)>';

// Each step is named so a failure says which part of the page broke.
let currentStep = '';
function step(name) {
  currentStep = name;
  console.log(`- ${name}`);
}

// The page sets data-busy on <body> while a request is out; every check
// waits for it to settle so it reads a finished rendering.
async function settled(page) {
  await page.waitForFunction(() => document.body.dataset.busy === 'false', null, { timeout: TIMEOUT_MS });
}

async function cards(page) {
  return page.$$eval('#results > li.card', (items) => items.map((li) => ({
    id: li.dataset.id,
    statement: li.classList.contains('statement'),
    place: li.querySelector('.place') ? li.querySelector('.place').textContent : null,
    speaker: li.querySelector('.speaker') ? li.querySelector('.speaker').textContent : null,
    text: li.textContent,
  })));
}

async function statusText(page) {
  return (await page.textContent('#status')).trim();
}

function countOf(status) {
  const m = /([\d,]+) results?/.exec(status);
  assert.ok(m, `status '${status}' gives no count`);
  return Number(m[1].replace(/,/g, ''));
}

// What a facet counts: every copy of a statement ("12 results (15
// statements with copies)"), or the results when none was collapsed.
function countWithCopies(status) {
  const m = /\(([\d,]+) statements? with copies\)/.exec(status);
  return m ? Number(m[1].replace(/,/g, '')) : countOf(status);
}

async function optionsOf(page) {
  return page.$$eval('#suggestions [role="option"]', (options) => options.map((o) => ({
    kind: o.dataset.kind, value: o.dataset.value, selected: o.getAttribute('aria-selected'),
  })));
}

const launchArgs = ['--disable-dev-shm-usage'];
// Chromium refuses to start its sandbox as root (CI containers).
if (process.getuid && process.getuid() === 0) launchArgs.push('--no-sandbox');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: launchArgs,
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
  page.setDefaultTimeout(TIMEOUT_MS);
  const dialogs = [];
  const pageErrors = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });

  step('the page loads with an empty search box');
  await page.goto(`${baseUrl}/`);
  await settled(page);
  assert.equal(await page.inputValue('#q'), '');
  assert.equal(await page.getAttribute('#q', 'role'), 'combobox');

  step('keyboard only: Tab reaches the search box');
  let tabs = 0;
  while (!(await page.evaluate(() => document.activeElement && document.activeElement.id === 'q'))) {
    assert.ok(++tabs <= 3, 'the search box is not among the first three Tab stops');
    await page.keyboard.press('Tab');
  }

  step('keyboard only: typing shows suggestions, ArrowDown + Enter picks one');
  await page.keyboard.type('statements by Kett', { delay: 40 });
  await page.waitForSelector('#suggestions [role="option"][data-kind="speaker"]', { state: 'visible' });
  assert.equal(await page.getAttribute('#q', 'aria-expanded'), 'true');
  await page.keyboard.press('ArrowDown');
  const firstOption = (await optionsOf(page))[0];
  assert.equal(firstOption.selected, 'true', 'ArrowDown did not select the first option');
  assert.equal(await page.getAttribute('#q', 'aria-activedescendant'), 'suggestion-0');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#results > li.card');
  await settled(page);
  assert.equal(await page.inputValue('#q'), `statements by ${firstOption.value}`);
  assert.ok(await page.isHidden('#suggestions'), 'the suggestion list stayed open after picking');
  assert.ok(new URL(page.url()).searchParams.get('q').includes(firstOption.value), 'the URL lacks the picked query');

  step('Escape closes the suggestion list, ArrowDown opens it again');
  await page.fill('#q', '');
  await page.focus('#q');
  await page.keyboard.type('Hel', { delay: 40 });
  await page.waitForSelector('#suggestions [role="option"]', { state: 'visible' });
  await page.keyboard.press('Escape');
  await page.waitForSelector('#suggestions', { state: 'hidden' });
  assert.equal(await page.inputValue('#q'), 'Hel', 'Escape cleared the box instead of closing the list');
  await page.keyboard.press('ArrowDown');
  await page.waitForSelector('#suggestions [role="option"]', { state: 'visible' });
  await page.keyboard.press('Escape');
  await page.waitForSelector('#suggestions', { state: 'hidden' });

  step('typing a query character by character offers a speaker suggestion');
  await page.fill('#q', '');
  await page.keyboard.type('statements by Kettunen', { delay: 40 });
  await page.waitForSelector('#suggestions [role="option"]', { state: 'visible' });
  const options = await optionsOf(page);
  assert.ok(options.some((o) => o.kind === 'speaker' && /Kettunen/.test(o.value)),
    `no speaker suggestion among ${JSON.stringify(options)}`);

  step('Enter searches and shows quote cards');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#results > li.card.statement');
  await settled(page);
  assert.ok(await page.isHidden('#suggestions'), 'the suggestion list stayed open after Enter');
  const wide = await cards(page);
  const wideCount = countOf(await statusText(page));
  assert.ok(wide.length > 0 && wide.every((c) => c.statement && c.speaker === 'Aino Kettunen'),
    `expected statements by Aino Kettunen, got ${JSON.stringify(wide.map((c) => c.speaker))}`);
  assert.ok(await page.$('#chips .chip.understood[data-kind="speaker"]'), 'no chip for the understood speaker');

  step('the Export CSV link downloads every statement of this search');
  assert.ok(await page.isVisible('#export-csv'), 'no Export CSV link beside the results');
  const exportHref = await page.getAttribute('#export-csv', 'href');
  const exportUrl = new URL(exportHref, page.url());
  assert.equal(exportUrl.pathname, '/api/export');
  assert.equal(exportUrl.searchParams.get('q'), new URL(page.url()).searchParams.get('q'));
  assert.equal(exportUrl.searchParams.get('format'), 'csv');
  const exported = await page.evaluate(async (href) => {
    const response = await fetch(href);
    return { type: response.headers.get('content-type'), text: await response.text() };
  }, exportHref);
  assert.equal(exported.type, 'text/csv; charset=utf-8');
  assert.ok(exported.text.startsWith('date,speaker,'), `the export begins ${exported.text.slice(0, 40)}`);
  assert.ok(exported.text.includes('Aino Kettunen'), 'the export lacks the speaker searched for');

  step('pagination: the next page continues the count');
  if (wideCount > wide.length) {
    assert.match(await page.textContent('#range'), new RegExp(`^Results 1–${wide.length} of ${wideCount}$`));
    await page.click('#next');
    await settled(page);
    assert.match(await page.textContent('#range'), new RegExp(`^Results ${wide.length + 1}–`));
    assert.equal(new URL(page.url()).searchParams.get('offset'), String(wide.length));
    await page.goBack();
    await settled(page);
    assert.match(await page.textContent('#range'), /^Results 1–/);
  }

  step('a location facet narrows the results and adds a chip');
  const facetButtons = await page.$$eval('#facet-location button.facet-value', (buttons) =>
    buttons.map((b) => ({ value: b.dataset.value, count: Number(b.querySelector('.count').textContent) })));
  // A place with fewer results than the whole search, so narrowing shows.
  const place = facetButtons.find((b) => b.count < wideCount);
  assert.ok(place, `no location facet narrower than ${wideCount}: ${JSON.stringify(facetButtons)}`);
  await page.click(`#facet-location button.facet-value[data-value="${place.value}"]`);
  await page.waitForSelector(`#chips .chip.param[data-param="location"][data-value="${place.value}"]`);
  await settled(page);
  const narrow = await cards(page);
  assert.equal(countWithCopies(await statusText(page)), place.count, 'the narrowed count differs from the facet count');
  assert.ok(narrow.length > 0 && narrow.every((c) => c.place === place.value),
    `not every card shows ${place.value}: ${JSON.stringify(narrow.map((c) => c.place))}`);
  assert.equal(new URL(page.url()).searchParams.get('location'), place.value);
  assert.equal(await page.getAttribute(`#facet-location button[data-value="${place.value}"]`, 'aria-pressed'), 'true');

  step('removing the chip widens the results again');
  await page.click('#chips .chip.param[data-param="location"] .chip-remove');
  await page.waitForSelector('#chips .chip.param[data-param="location"]', { state: 'detached' });
  await settled(page);
  assert.equal(countOf(await statusText(page)), wideCount);
  assert.equal(new URL(page.url()).searchParams.get('location'), null);

  step('the kind-of-source facet narrows to one kind of speaker');
  // A search of every statement, so people, organisations and unnamed sources all speak.
  const wideUrl = page.url();
  await page.goto(`${baseUrl}/?q=type%3Astatement`);
  await settled(page);
  const allStatements = countOf(await statusText(page));
  const kinds = await page.$$eval('#facet-speaker_kind button.facet-value', (buttons) =>
    buttons.map((b) => ({ value: b.dataset.value, label: b.querySelector('.facet-label').textContent,
      count: Number(b.querySelector('.count').textContent) })));
  assert.ok(!kinds.some((k) => k.value === 'unresolved'), 'an unresolved speaker is no kind of source');
  const kind = kinds.find((k) => k.value === 'anonymous');
  assert.ok(kind && kind.label === 'unnamed sources' && kind.count < allStatements,
    `no unnamed sources among ${allStatements} statements: ${JSON.stringify(kinds)}`);
  await page.click(`#facet-speaker_kind button.facet-value[data-value="${kind.value}"]`);
  await page.waitForSelector(`#chips .chip.param[data-param="kind"][data-value="${kind.value}"]`);
  await settled(page);
  assert.equal(countWithCopies(await statusText(page)), kind.count, 'the narrowed count differs from the facet count');
  assert.equal(new URL(page.url()).searchParams.get('kind'), kind.value);
  await page.goto(wideUrl);
  await settled(page);
  assert.equal(countOf(await statusText(page)), wideCount);

  step('copies of a statement in other articles are one card, and its link lists them');
  await page.goto(`${baseUrl}/?q=${encodeURIComponent('winter timetable island ferry')}&type=statement`);
  await settled(page);
  const copyCards = await cards(page);
  assert.equal(copyCards.length, 1, `the reprint is not a card of its own: ${copyCards.length} cards`);
  const copies = await page.textContent('#results .card.statement .copies');
  assert.match(copies, /Also in 1 more article/);
  await page.click('#results .card.statement .copies-link');
  await page.waitForSelector('#chips .chip.param[data-param="cluster"]');
  await settled(page);
  assert.equal((await cards(page)).length, 2, 'the cluster lists the story and its reprint');
  assert.equal(new URL(page.url()).searchParams.get('sort'), 'oldest');
  await page.goto(wideUrl);
  await settled(page);

  step('removing an understood chip takes its words out of the query');
  await page.click('#chips .chip.understood[data-kind="type"] .chip-remove');
  await settled(page);
  assert.equal(await page.inputValue('#q'), 'by Kettunen');
  await page.goBack();
  await settled(page);
  assert.equal(await page.inputValue('#q'), 'statements by Kettunen');

  step('the URL carries the state: a reload shows the same results');
  const before = (await cards(page)).map((c) => c.id);
  await page.reload();
  await page.waitForSelector('#results > li.card');
  await settled(page);
  assert.equal(await page.inputValue('#q'), 'statements by Kettunen');
  assert.deepEqual((await cards(page)).map((c) => c.id), before);
  await page.screenshot({ path: screenshotPath, fullPage: true });

  step('the timeline draws a bar per bucket; clicking one narrows the dates (issue 18)');
  await page.goto(`${baseUrl}/?q=type%3Astatement`);
  await settled(page);
  const everyStatement = countWithCopies(await statusText(page));
  await page.waitForSelector('#timeline:not([hidden]) svg g.timeline-bar');
  const bars = await page.$$eval('#timeline g.timeline-bar', (groups) => groups.map((g) => ({
    start: g.dataset.start, end: g.dataset.end, count: Number(g.dataset.count), button: g.getAttribute('role') === 'button',
  })));
  assert.equal(bars.reduce((sum, b) => sum + b.count, 0), everyStatement, 'the bars do not add up to the results');
  assert.ok(bars.every((b) => b.button === b.count > 0), 'only a bar with results is a button');
  const bar = bars.find((b) => b.count > 0 && b.count < everyStatement);
  assert.ok(bar, `no bar narrower than ${everyStatement}: ${JSON.stringify(bars)}`);
  await page.click(`#timeline g.timeline-bar[data-start="${bar.start}"]`);
  await page.waitForSelector(`#chips .chip.param[data-param="from"][data-value="${bar.start}"]`);
  await settled(page);
  assert.equal(countWithCopies(await statusText(page)), bar.count, 'the narrowed count differs from the bar');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('from'), bar.start);
  assert.equal(url.searchParams.get('to'), bar.end);
  const days = await page.$$eval('#results > li.card time', (times) => times.map((t) => t.getAttribute('datetime')));
  assert.ok(days.length > 0 && days.every((d) => d >= bar.start && d <= bar.end),
    `results outside ${bar.start}..${bar.end}: ${JSON.stringify(days)}`);
  // The narrowed results have their own timeline, in shorter buckets as their span asks.
  const zoomed = await page.$$eval('#timeline g.timeline-bar', (groups) => groups.map((g) => Number(g.dataset.count)));
  assert.equal(zoomed.reduce((sum, n) => sum + n, 0), bar.count, 'the narrowed timeline does not add up to the bar');
  await page.goBack();
  await settled(page);
  assert.equal(countWithCopies(await statusText(page)), everyStatement, 'Back did not widen the dates again');

  step('function words are never marked in the results (issue 17)');
  await page.fill('#q', 'drought in the north of the country');
  await page.press('#q', 'Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'drought in the north of the country');
  await page.waitForSelector('#results > li.card');
  await settled(page);
  const marked = await page.locator('#results mark').allTextContents();
  assert.ok(marked.length > 0, 'no word of the query is marked');
  for (const word of marked) {
    assert.ok(!['in', 'the', 'of'].includes(word.toLowerCase()), `the function word "${word}" is marked`);
  }

  step('article text with markup shows as text, nothing runs');
  await page.fill('#q', 'banner picture');
  await page.press('#q', 'Enter');
  await page.waitForSelector('#results > li.card');
  await settled(page);
  let text = await page.textContent('#results');
  assert.ok(text.includes(SCRIPT_TEXT), `the results do not show ${SCRIPT_TEXT} as text`);
  assert.ok(text.includes(IMG_TEXT), `the results do not show ${IMG_TEXT} as text`);
  assert.equal(await page.locator('img').count(), 0, 'an <img> element was created');
  assert.equal(await page.locator('#results script, #results [onerror]').count(), 0);

  step('the article view shows the body with statements marked, as text');
  await page.click('#results > li.card a.article-link >> nth=0');
  await page.waitForSelector('#article-view:not([hidden])');
  await settled(page);
  assert.ok(new URL(page.url()).searchParams.get('article'), 'the URL lacks the article');
  assert.ok((await page.textContent('#article-title')).includes(SCRIPT_TEXT));
  text = await page.textContent('#article-body');
  assert.ok(text.includes(SCRIPT_TEXT) && text.includes(IMG_TEXT), 'the article body lost its markup text');
  assert.ok(await page.locator('#article-body mark.statement').count() > 0, 'no statement is marked');
  assert.ok((await page.textContent('#article-statements')).includes('Ana Lindqvist'));
  assert.equal(await page.locator('img, [onerror], body script:not([src])').count(), 0);
  await page.click('#back-link');
  await page.waitForSelector('#search-view:not([hidden])');
  await settled(page);
  assert.equal(await page.inputValue('#q'), 'banner picture');

  step('a misspelt query offers a did-you-mean link that searches');
  await page.fill('#q', 'droght');
  await page.press('#q', 'Enter');
  await page.waitForSelector('#messages a.did-you-mean');
  await settled(page);
  assert.equal((await cards(page)).length, 0);
  const corrected = (await page.textContent('#messages a.did-you-mean')).trim();
  await page.click('#messages a.did-you-mean');
  await page.waitForSelector('#results > li.card');
  await settled(page);
  assert.equal(await page.inputValue('#q'), corrected);

  step('a speaker name in the results opens their page: roles, places, words, latest statements (issue 18)');
  await page.fill('#q', 'statements by Kettunen');
  await page.press('#q', 'Enter');
  await page.waitForSelector('#results > li.card a.speaker-link');
  await settled(page);
  assert.equal((await page.textContent('#results > li.card a.speaker-link >> nth=0')).trim(), 'Aino Kettunen');
  await page.click('#results > li.card a.speaker-link >> nth=0');
  await page.waitForSelector('#speaker-view:not([hidden])');
  await settled(page);
  assert.equal(new URL(page.url()).pathname, '/speaker/aino%20kettunen');
  assert.ok(await page.locator('#search-view').isHidden(), 'the results are still shown');
  const speakerPage = async () => ({
    name: (await page.textContent('#speaker-name')).trim(),
    meta: await page.textContent('#speaker-meta'),
    variants: await page.textContent('#speaker-variants'),
    roles: await page.$$eval('#speaker-roles li', (items) => items.map((li) => li.textContent)),
    places: await page.$$eval('#speaker-places li', (items) => items.map((li) => li.textContent)),
    words: await page.$$eval('#speaker-words li', (items) => items.map((li) => li.textContent)),
    latest: await page.$$eval('#speaker-latest > li.card .speaker', (items) => items.map((s) => s.textContent)),
    bars: await page.locator('#speaker-timeline:not([hidden]) .timeline-bar').count(),
  });
  const kettunen = await speakerPage();
  assert.equal(kettunen.name, 'Aino Kettunen');
  assert.ok(kettunen.meta.includes('15 statements'), `meta: ${kettunen.meta}`);
  assert.equal(kettunen.variants, 'Named Aino Kettunen (15), Kettunen (9)');
  assert.deepEqual(kettunen.roles, ['Foreign Minister, Mar–May 2025 (15 statements)']);
  assert.ok(kettunen.places[0].startsWith('Oslo'), `places: ${kettunen.places}`);
  assert.ok(kettunen.words.length > 5, `words: ${kettunen.words}`);
  assert.equal(kettunen.latest.length, 10);
  assert.ok(kettunen.latest.every((name) => name === 'Aino Kettunen'), `latest: ${kettunen.latest}`);
  assert.ok(kettunen.bars > 1, 'no timeline');
  await page.reload();
  await page.waitForSelector('#speaker-view:not([hidden])');
  await settled(page);
  assert.deepEqual(await speakerPage(), kettunen, 'the address alone shows the same page');
  await page.click(`#speaker-words li a >> nth=0`);
  await page.waitForSelector('#search-view:not([hidden])');
  await settled(page);
  assert.equal(await page.inputValue('#q'), kettunen.words[0]);
  assert.ok((await cards(page)).every((c) => c.speaker === 'Aino Kettunen'), 'a word searches their statements');
  await page.goBack();
  await page.waitForSelector('#speaker-view:not([hidden])');
  await settled(page);
  await page.click('#speaker-back-link');
  await page.waitForSelector('#search-view:not([hidden])');
  await settled(page);
  assert.equal(await page.inputValue('#q'), 'statements by Kettunen');

  step('the current search is saved under a typed name, listed, and its link finds the same');
  await page.fill('#q', 'statements by Kettunen');
  await page.press('#q', 'Enter');
  await page.waitForSelector('#results > li.card');
  await settled(page);
  const savedCount = countOf(await statusText(page));
  assert.ok(await page.isVisible('#save-form'), 'no Save search box beside a search');
  await page.fill('#save-name', 'kettunen-quotes');
  await page.click('#save-button');
  await page.waitForSelector('#saved-list a.saved-name:has-text("kettunen-quotes")');
  assert.match(await page.textContent('#saved-status'), /Saved as kettunen-quotes/);
  assert.ok((await page.textContent('#saved-list')).includes('statements by Kettunen'), 'the list lacks the query');
  const listed = await page.evaluate(async () => (await (await fetch('/api/saved')).json()).saved);
  assert.deepEqual(listed, [{ name: 'kettunen-quotes', query: 'statements by Kettunen' }]);
  await page.click('#saved-list a.saved-name:has-text("kettunen-quotes")');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'saved:kettunen-quotes');
  await page.waitForSelector('#results > li.card');
  await settled(page);
  assert.equal(countOf(await statusText(page)), savedCount, 'saved:kettunen-quotes finds another count');
  await page.fill('#save-name', 'bad name');
  await page.click('#save-button');
  assert.ok(await page.$eval('#save-name', (input) => !input.validity.valid), 'a bad name passed the form');

  step('no dialog opened and no script error happened');
  assert.deepEqual(dialogs, [], 'a dialog opened');
  assert.deepEqual(pageErrors, [], 'the page reported errors');
} catch (error) {
  failed = true;
  console.error(`FAILED at step '${currentStep}':`);
  console.error(error && error.stack ? error.stack : error);
} finally {
  await browser.close();
}
console.log(failed ? 'browser test: FAILED' : 'browser test: passed');
process.exit(failed ? 1 : 0);
