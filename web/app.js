// The saywho search page: keeps the search state in the URL, calls the JSON API and builds the page from DOM text nodes.
'use strict';

// Every text that comes from an article or the API goes into the page through
// textContent or createTextNode, never innerHTML: the archive holds whatever
// the news said, and a title such as "<script>…" must stay a title.

// The filter parameters /api/search takes; each one set shows as a removable chip.
const FILTER_PARAMS = ['speaker', 'location', 'country', 'from', 'to', 'type', 'quote', 'kind', 'cluster'];

// A statement's speaker as a reader sees it: the name, or the words the
// article used when it names nobody ("unnamed (he)").
function speakerLabel(st) {
  if (st.speaker) return st.speaker;
  return st.speaker_mention ? `unnamed (${st.speaker_mention})` : 'unknown speaker';
}

// The speaker's element: a linked speaker says how its own article names
// them. A named speaker of a result (speaker_key) links to their page.
function speakerSpan(st, state) {
  const title = st.speaker_in_article ? `named “${st.speaker_in_article}” in this article` : null;
  if (st.speaker_key && state) {
    const target = { ...state, filters: { ...state.filters }, passed: { ...state.passed }, article: '', stmt: '',
      speaker: st.speaker_key };
    return stateLink(target, { class: 'speaker speaker-link', title }, speakerLabel(st));
  }
  return el('span', { class: 'speaker', title }, speakerLabel(st));
}
// Parameters the page does not offer controls for but passes on when a shared
// URL carries them, so a hand-made link keeps working.
const PASSED_PARAMS = ['limit', 'per_article', 'match', 'literal', 'now', 'interval', 'collapse'];
const DEFAULT_LIMIT = 10;
const SUGGEST_DELAY_MS = 150;
const SUGGEST_LIMIT = 8;

const EXAMPLES = [
  'statements by Kettunen',
  'drought in Kenya',
  'ceasefire in Geneva',
  'what did Lindqvist say',
  'articles about heatwave',
  'quotes in Oslo since May 2025',
];

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------
// Small DOM helpers: el() only ever sets text and attributes, so it is safe
// for data.

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// ---------------------------------------------------------------------------
// UTF-8 byte offsets. The API counts offsets in bytes of UTF-8, JavaScript
// strings count UTF-16 units, so every cut goes through the bytes.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Moves a byte offset back to the start of the character it falls in, so a
// slightly wrong offset never produces U+FFFD halves of a character.
function charBoundary(bytes, offset) {
  let at = Math.max(0, Math.min(offset, bytes.length));
  while (at > 0 && at < bytes.length && (bytes[at] & 0xc0) === 0x80) at--;
  return at;
}

// Cuts text at [start, end) byte ranges. Returns pieces in order, each
// {text, item}: item is the range's payload for a piece inside a range and
// null between ranges. Overlapping ranges are trimmed to the first.
function splitAtByteRanges(text, ranges) {
  const bytes = encoder.encode(text);
  const sorted = ranges
    .map((r) => ({
      start: charBoundary(bytes, r.start),
      end: charBoundary(bytes, r.end),
      item: r.item,
    }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const pieces = [];
  let pos = 0;
  for (const r of sorted) {
    const start = Math.max(r.start, pos);
    if (r.end <= start) continue;
    if (start > pos) pieces.push({ text: decoder.decode(bytes.subarray(pos, start)), item: null });
    pieces.push({ text: decoder.decode(bytes.subarray(start, r.end)), item: r.item });
    pos = r.end;
  }
  if (pos < bytes.length) pieces.push({ text: decoder.decode(bytes.subarray(pos)), item: null });
  return pieces;
}

// The snippet as text nodes with <mark> around the words that matched.
function highlighted(snippet, highlights) {
  const ranges = (highlights || []).map(([start, end]) => ({ start, end, item: true }));
  return splitAtByteRanges(snippet || '', ranges).map((p) =>
    p.item ? el('mark', null, p.text) : document.createTextNode(p.text));
}

// The query without the bytes [start, end), with the spaces around the cut
// folded into one.
function removeByteRange(text, start, end) {
  const pieces = splitAtByteRanges(text, [{ start, end, item: true }]);
  return pieces.filter((p) => !p.item).map((p) => p.text).join(' ')
    .replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------
// Formatting.

function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!m) return iso || '';
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function formatMonth(yyyymm) {
  const m = /^(\d{4})-(\d{2})$/.exec(yyyymm || '');
  if (!m) return yyyymm || '';
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, 1));
  return date.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

let regionNames = null;
try {
  regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
} catch (e) {
  regionNames = null; // Old browsers: show the bare ISO codes.
}

function formatCountry(code) {
  if (!code) return '';
  try {
    const name = regionNames && regionNames.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch (e) {
    return code; // Not a region code Intl knows.
  }
}

// The first and last day of a facet month, for the from/to parameters.
function monthRange(yyyymm) {
  const [y, m] = yyyymm.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

function plural(n, one, many) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------------------
// State. Everything a search is made of lives in the URL's query string, so
// a search can be bookmarked, shared, reloaded and walked with Back/Forward.

// A speaker's page is /speaker/KEY, with the search it was reached from in
// its query string, so Back to results still knows it.
const SPEAKER_PATH = '/speaker/';

function readState(search, pathname) {
  const params = new URLSearchParams(search);
  let speaker = '';
  if (pathname && pathname.startsWith(SPEAKER_PATH)) {
    try {
      speaker = decodeURIComponent(pathname.slice(SPEAKER_PATH.length));
    } catch (e) {
      speaker = '';
    }
  }
  const state = {
    speaker,
    q: params.get('q') || '',
    filters: {},
    passed: {},
    sort: params.get('sort') || 'relevance',
    offset: Math.max(0, parseInt(params.get('offset') || '0', 10) || 0),
    article: params.get('article') || '',
    stmt: params.get('stmt') || '',
  };
  for (const name of FILTER_PARAMS) {
    const value = params.get(name);
    if (value) state.filters[name] = value;
  }
  for (const name of PASSED_PARAMS) {
    const value = params.get(name);
    if (value) state.passed[name] = value;
  }
  return state;
}

// The search part of the state as API parameters (no article view members).
function searchParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of FILTER_PARAMS) {
    if (state.filters[name]) params.set(name, state.filters[name]);
  }
  if (state.sort && state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.offset) params.set('offset', String(state.offset));
  for (const [name, value] of Object.entries(state.passed)) params.set(name, value);
  return params;
}

// The /api/export link of a search: its query, filters and order, without
// limit and offset, which an export (every match) refuses.
function exportUrl(state) {
  const params = searchParams(state);
  params.delete('limit');
  params.delete('offset');
  params.set('format', 'csv');
  return `/api/export?${params.toString()}`;
}

function stateUrl(state) {
  const params = searchParams(state);
  if (state.article) params.set('article', state.article);
  if (state.article && state.stmt !== '') params.set('stmt', state.stmt);
  const query = params.toString();
  const path = state.speaker ? `${SPEAKER_PATH}${encodeURIComponent(state.speaker)}` : '/';
  return query ? `${path}?${query}` : path;
}

function hasSearch(state) {
  return Boolean(state.q.trim()) || FILTER_PARAMS.some((name) => state.filters[name]);
}

function withChanges(state, changes) {
  return {
    ...state,
    filters: { ...state.filters },
    passed: { ...state.passed },
    article: '',
    stmt: '',
    speaker: '',
    offset: 0,
    ...changes,
  };
}

let current = readState(location.search, location.pathname);

// Moves to a new state: a new history entry (unless the URL is the same) and
// a fresh rendering. focus says where keyboard focus should land afterwards,
// because the element the user activated is usually re-rendered away.
function navigate(next, focus) {
  const url = stateUrl(next);
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
  current = next;
  show(focus);
}

// Links inside the page are real links (open in a new tab, copy address) but
// a plain click stays in the page.
function isPlainClick(event) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

function stateLink(state, attrs, ...children) {
  return el('a', {
    ...attrs,
    href: stateUrl(state),
    onclick: (event) => {
      if (!isPlainClick(event)) return;
      event.preventDefault();
      navigate(state, state.speaker ? 'speaker' : state.article ? 'article' : 'results');
    },
  }, ...children);
}

// ---------------------------------------------------------------------------
// The API.

class ApiError extends Error {}

async function getJson(path, params, signal) {
  return requestJson(`${path}?${params}`, { signal });
}

// fetch() with JSON answers: the body, or an ApiError with the server's message.
async function requestJson(url, init) {
  const response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...(init.headers || {}) } });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    throw new ApiError(`The server answered ${response.status} ${response.statusText} without JSON.`);
  }
  if (!response.ok || (body && body.type === 'error')) {
    const message = body && body.error && body.error.message;
    throw new ApiError(message || `The server answered ${response.status} ${response.statusText}.`);
  }
  return body;
}

// One search or article request at a time: a newer one aborts the older, so
// a slow answer can never overwrite a newer page.
let pageRequest = null;

function startPageRequest() {
  if (pageRequest) pageRequest.abort();
  pageRequest = new AbortController();
  return pageRequest;
}

function setBusy(busy) {
  document.body.dataset.busy = busy ? 'true' : 'false';
  $('results').setAttribute('aria-busy', busy ? 'true' : 'false');
}

// ---------------------------------------------------------------------------
// Showing a state.

function syncForm(state) {
  $('q').value = state.q;
  $('type').value = state.filters.type || '';
  $('quote').value = state.filters.quote || '';
  $('sort').value = ['relevance', 'newest', 'oldest'].includes(state.sort) ? state.sort : 'relevance';
  $('from').value = state.filters.from || '';
  $('to').value = state.filters.to || '';
}

function show(focus) {
  closeSuggestions();
  syncForm(current);
  $('save-form').hidden = !hasSearch(current);
  const speakerMode = Boolean(current.speaker);
  const articleMode = !speakerMode && Boolean(current.article);
  $('search-view').hidden = articleMode || speakerMode;
  $('article-view').hidden = !articleMode;
  $('speaker-view').hidden = !speakerMode;
  if (speakerMode) showSpeaker(current, focus);
  else if (articleMode) showArticle(current, focus);
  else showSearch(current, focus);
}

function setMessages(...nodes) {
  $('messages').replaceChildren(...nodes.filter(Boolean));
}

function errorMessage(error) {
  return el('p', { class: 'error', role: 'alert' }, error.message || String(error));
}

async function showSearch(state, focus) {
  document.title = state.q ? `${state.q} – saywho` : 'saywho search';
  if (!hasSearch(state)) {
    if (pageRequest) pageRequest.abort();
    setBusy(false);
    renderEmpty();
    return;
  }
  const request = startPageRequest();
  setBusy(true);
  $('status').textContent = 'Searching…';
  const params = searchParams(state);
  if (!params.has('limit')) params.set('limit', String(DEFAULT_LIMIT));
  // The timeline and the facets (counted only when asked) are asked for
  // here, not kept in the URL: the page always shows them.
  params.set('timeline', '1');
  params.set('facets', '1');
  let data;
  try {
    data = await getJson('/api/search', params, request.signal);
  } catch (error) {
    if (request.signal.aborted) return;
    setBusy(false);
    renderFailure(state, error);
    return;
  }
  if (request.signal.aborted) return;
  renderResults(state, data);
  setBusy(false);
  if (focus === 'results') $('results-heading').focus();
}

// ---------------------------------------------------------------------------
// Saved searches (/api/saved): the current search saved under a name the
// user types, and every saved search listed as a link that searches
// saved:NAME.

// The current search as one query: its words, and its filters in the field
// syntax each one stands for (from and to as date:FROM..TO), so the saved
// search finds what the page shows.
function savedQuery(state) {
  const parts = state.q.trim() ? [state.q.trim()] : [];
  for (const name of ['speaker', 'location', 'country', 'type', 'quote', 'kind']) {
    if (state.filters[name]) parts.push(`${name}:"${state.filters[name].replace(/"/g, ' ')}"`);
  }
  if (state.filters.from || state.filters.to) {
    parts.push(`date:${state.filters.from || ''}..${state.filters.to || ''}`);
  }
  return parts.join(' ');
}

function renderSaved(saved) {
  $('saved-list').replaceChildren(...saved.map((s) => el('li', null,
    stateLink(withChanges(readState(''), { q: `saved:${s.name}` }), { class: 'saved-name' }, s.name),
    ' ', el('span', { class: 'saved-query' }, s.query))));
}

async function loadSaved() {
  try {
    renderSaved((await requestJson('/api/saved', {})).saved || []);
  } catch (error) {
    $('saved-status').textContent = `Saved searches could not be listed: ${error.message}`;
  }
}

$('save-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = $('save-name').value.trim();
  const query = savedQuery(current);
  $('save-button').disabled = true;
  $('saved-status').textContent = 'Saving…';
  try {
    // A JSON body: the server takes no form, so no other site can post one.
    const data = await requestJson('/api/saved', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, query }),
    });
    renderSaved(data.saved || []);
    $('saved-status').textContent = `Saved as ${name}: saved:${name} finds it from now on.`;
    $('save-name').value = '';
  } catch (error) {
    // 409 (locked) while saywho-index writes: the server's message says so.
    $('saved-status').textContent = `Not saved: ${error.message}`;
  } finally {
    $('save-button').disabled = false;
  }
});

function renderEmpty() {
  $('intro').hidden = false;
  $('results').replaceChildren();
  $('status').textContent = '';
  $('export').hidden = true;
  $('pager').hidden = true;
  $('facets').hidden = true;
  $('timeline').hidden = true;
  $('chips').hidden = true;
  $('chips').replaceChildren();
  setMessages();
  $('examples').replaceChildren(...EXAMPLES.map((q) =>
    el('li', null, stateLink(withChanges(readState(''), { q }), null, q))));
}

function renderFailure(state, error) {
  $('intro').hidden = true;
  $('results').replaceChildren();
  $('status').textContent = 'The search failed.';
  $('export').hidden = true;
  $('pager').hidden = true;
  $('facets').hidden = true;
  $('timeline').hidden = true;
  renderChips(state, null);
  setMessages(errorMessage(error));
}

function renderResults(state, data) {
  $('intro').hidden = true;
  renderChips(state, data);
  renderMessages(state, data);
  $('results').replaceChildren(...(data.results || []).map((hit) =>
    hit.type === 'statement' ? statementCard(state, hit) : articleCard(state, hit)));
  renderPager(state, data);
  // A bar's dates replace the from/to filter, as a month facet's do.
  renderTimeline($('timeline'), data.timeline, { from: state.filters.from, to: state.filters.to }, (bucket) => {
    const next = withChanges(state, {});
    Object.assign(next.filters, { from: bucket.start, to: bucket.end });
    navigate(next, 'results');
  });
  renderFacets(state, data.facets);
}

// ---------------------------------------------------------------------------
// Result cards.

function statementIndex(hit) {
  const at = hit.id.lastIndexOf('#');
  return at >= 0 ? hit.id.slice(at + 1) : '';
}

function articleLink(state, articleId, stmt, title) {
  const target = { ...state, filters: { ...state.filters }, passed: { ...state.passed }, article: articleId, stmt,
    speaker: '' };
  return stateLink(target, { class: 'article-link' }, title || '(untitled article)');
}

function statementCard(state, hit) {
  const snippet = hit.snippet ? highlighted(hit.snippet, hit.highlights) : [hit.text || ''];
  // A quote in quote marks only when the whole statement was quoted; reported
  // speech must not look like the speaker's own words.
  let quote;
  if (hit.direct) {
    quote = el('blockquote', { class: 'quote direct' }, '“', snippet, '”');
  } else {
    const label = hit.quote === 'mixed' ? 'Reported, partly quoted' : 'Reported';
    quote = el('p', { class: 'quote reported' }, el('span', { class: 'badge' }, label), ' ', snippet);
  }
  const who = el('p', { class: 'attribution' },
    '— ', speakerSpan(hit, state),
    hit.role ? [', ', el('span', { class: 'role' }, hit.role)] : null,
    hit.cue ? el('span', { class: 'cue' }, ` (${hit.cue})`) : null);
  const meta = el('p', { class: 'meta' },
    hit.location ? [el('span', { class: 'place' }, hit.location), ' · '] : null,
    el('time', { datetime: hit.date }, formatDate(hit.date)),
    ' · in ', articleLink(state, hit.article, statementIndex(hit), hit.title));
  return el('li', { class: 'card statement', 'data-id': hit.id }, quote, who, meta, copiesLine(state, hit));
}

// Where else the statement's words were reported: "Also in 2 more articles ·
// first on 7 Apr 1987 in TITLE", linking to every copy, oldest first. None
// when the cluster is this article alone, or when the list already is the
// cluster's copies.
function copiesLine(state, hit) {
  const cluster = hit.cluster;
  if (!cluster || cluster.articles < 2 || state.filters.cluster === cluster.id) return null;
  const more = cluster.articles - 1;
  const copies = withChanges(state, {
    q: '', sort: 'oldest', filters: { cluster: cluster.id }, passed: { collapse: '0' },
  });
  const first = cluster.is_first
    ? ' · this one first'
    : [' · first on ', el('time', { datetime: cluster.first.date }, formatDate(cluster.first.date)), ' in ',
      articleLink(state, cluster.first.article, statementIndex(cluster.first), cluster.first.title)];
  return el('p', { class: 'copies' },
    stateLink(copies, { class: 'copies-link' }, `Also in ${more} more article${more === 1 ? '' : 's'}`), first);
}

function articleCard(state, hit) {
  return el('li', { class: 'card article', 'data-id': hit.id },
    el('h3', { class: 'title' }, articleLink(state, hit.id, '', hit.title)),
    el('p', { class: 'meta' }, el('span', { class: 'badge' }, 'Article'), ' ',
      el('time', { datetime: hit.date }, formatDate(hit.date))),
    el('p', { class: 'snippet' }, highlighted(hit.snippet, hit.highlights)));
}

// ---------------------------------------------------------------------------
// Chips: the filters the server read out of the query (removing one takes
// its words out of q) and the filter parameters (removing one drops it).

function describeFilter(f) {
  const values = (f.values || []).join(' or ');
  switch (f.kind) {
    case 'speaker': return `by ${values}`;
    case 'location': return `in ${f.is_country ? formatCountry(f.country) : values}`;
    case 'type': return f.values && f.values[0] === 'article' ? 'articles only' : 'statements only';
    case 'date':
      if (f.from && f.to) return f.from === f.to ? `on ${formatDate(f.from)}` : `${formatDate(f.from)} – ${formatDate(f.to)}`;
      if (f.from) return `since ${formatDate(f.from)}`;
      if (f.to) return `until ${formatDate(f.to)}`;
      return 'any date';
    default: return `${f.kind}: ${values}`;
  }
}

// The source-kind facet's values, as a reader says them.
function formatSpeakerKind(kind) {
  return { person: 'named people', organization: 'organisations', anonymous: 'unnamed sources',
    unresolved: 'unresolved' }[kind] || kind;
}

function describeParam(name, value) {
  switch (name) {
    case 'speaker': return `speaker: ${value}`;
    case 'location': return `place: ${value}`;
    case 'country': return `country: ${formatCountry(value)}`;
    case 'from': return `from ${formatDate(value)}`;
    case 'to': return `until ${formatDate(value)}`;
    case 'type': return value === 'article' ? 'articles only' : value === 'statement' ? 'statements only' : `type: ${value}`;
    case 'quote': return { direct: 'direct quotes', mixed: 'partly quoted', none: 'reported speech' }[value] || `quote: ${value}`;
    case 'kind': return `source: ${formatSpeakerKind(value)}`;
    case 'cluster': return 'every copy of one statement';
    default: return `${name}: ${value}`;
  }
}

function chip(label, attrs, onRemove, title) {
  return el('span', { ...attrs, class: `chip ${attrs.class || ''}`.trim(), title: title || null },
    el('span', { class: 'chip-label' }, label),
    onRemove ? el('button', {
      type: 'button', class: 'chip-remove', 'aria-label': `Remove filter: ${label}`, onclick: onRemove,
    }, '×') : null);
}

function renderChips(state, data) {
  const chips = [];
  const filters = (data && data.interpretation && data.interpretation.filters) || [];
  // Offsets refer to the query the server saw, which is state.q unless the
  // server normalised it.
  const query = data && typeof data.query === 'string' ? data.query : state.q;
  for (const f of filters) {
    const label = describeFilter(f);
    if (typeof f.source === 'string' && Number.isInteger(f.start) && Number.isInteger(f.end)) {
      chips.push(chip(label, { class: 'understood', 'data-kind': f.kind },
        () => navigate(withChanges(state, { q: removeByteRange(query, f.start, f.end) }), 'results'),
        `understood from “${f.source}”${f.note ? ` (${f.note})` : ''}`));
    } else {
      // A default the server chose (statements because a name was read): it
      // goes away with the words that caused it, so it has no remove button.
      chips.push(chip(label, { class: 'default', 'data-kind': f.kind }, null, f.note || 'default'));
    }
  }
  for (const name of FILTER_PARAMS) {
    const value = state.filters[name];
    if (!value) continue;
    chips.push(chip(describeParam(name, value), { class: 'param', 'data-param': name, 'data-value': value }, () => {
      const next = withChanges(state, {});
      delete next.filters[name];
      navigate(next, 'results');
    }));
  }
  $('chips').replaceChildren(...chips);
  $('chips').hidden = chips.length === 0;
}

// ---------------------------------------------------------------------------
// Messages: did-you-mean, why nothing matched, notes on understood filters.

function renderMessages(state, data) {
  const nodes = [];
  if (data.suggestion) {
    const corrected = withChanges(state, { q: data.suggestion });
    nodes.push(el('p', { class: 'spelling' }, 'Did you mean ',
      stateLink(corrected, { class: 'did-you-mean' }, data.suggestion), '?'));
  }
  // The server's why-nothing line may itself propose the correction; the
  // link above already says so.
  const repeatsSuggestion = data.suggestion && data.why_nothing && data.why_nothing.includes(`did you mean '${data.suggestion}'`);
  if (data.why_nothing && !repeatsSuggestion) nodes.push(el('p', { class: 'why-nothing' }, data.why_nothing));
  const filters = (data.interpretation && data.interpretation.filters) || [];
  for (const f of filters) {
    if (f.note && typeof f.source === 'string') nodes.push(el('p', { class: 'note' }, `“${f.source}”: ${f.note}`));
    if (f.kind === 'speaker' && f.spoke === false && typeof f.source === 'string') {
      nodes.push(el('p', { class: 'note' }, `No statements by ${(f.values || []).join(' or ')} are indexed; they are only mentioned.`));
    }
  }
  setMessages(...nodes);
}

// ---------------------------------------------------------------------------
// Pagination.

function renderPager(state, data) {
  const total = data.total || {};
  const count = total.estimate || 0;
  const shown = (data.results || []).length;
  const limit = data.limit || DEFAULT_LIMIT;
  const offset = data.offset || 0;
  const about = total.exact === false ? 'about ' : '';
  // Rows are statements: a search that finds only articles exports none,
  // which the server says with an empty file; the link stays simple.
  $('export').hidden = shown === 0;
  $('export-csv').href = exportUrl(state);
  if (shown === 0) {
    $('status').textContent = offset > 0 ? 'No more results.' : 'No results.';
  } else {
    // Facets count every copy of a statement; the results, one per cluster.
    const copies = total.with_copies > count ? ` (${plural(total.with_copies, 'statement', 'statements')} with copies)` : '';
    $('status').textContent = `${about}${plural(count, 'result', 'results')}${copies}`;
  }
  $('range').textContent = shown ? `Results ${offset + 1}–${offset + shown} of ${about}${count.toLocaleString('en')}` : '';
  const hasPrev = offset > 0;
  const hasNext = shown > 0 && offset + shown < (total.upper_bound || count);
  $('pager').hidden = !hasPrev && !hasNext;
  $('prev').disabled = !hasPrev;
  $('next').disabled = !hasNext;
  $('prev').onclick = () => navigate({ ...state, offset: Math.max(0, offset - limit) }, 'results');
  $('next').onclick = () => navigate({ ...state, offset: offset + limit }, 'results');
}

// ---------------------------------------------------------------------------
// Facets: counts over the whole match set; clicking a value narrows the
// search by the matching parameter, clicking an active value removes it.

const FACETS = [
  { name: 'speaker', title: 'Speaker', param: 'speaker', label: (v) => v },
  { name: 'speaker_kind', title: 'Kind of source', param: 'kind', label: formatSpeakerKind },
  { name: 'location', title: 'Place', param: 'location', label: (v) => v },
  { name: 'country', title: 'Country', param: 'country', label: formatCountry },
  { name: 'month', title: 'Month', param: null, label: formatMonth },
];

function facetActive(state, facet, value) {
  if (facet.param) return state.filters[facet.param] === value;
  const range = monthRange(value);
  return state.filters.from === range.from && state.filters.to === range.to;
}

function facetNarrow(state, facet, value) {
  const next = withChanges(state, {});
  if (facetActive(state, facet, value)) {
    if (facet.param) delete next.filters[facet.param];
    else { delete next.filters.from; delete next.filters.to; }
  } else if (facet.param) {
    next.filters[facet.param] = value;
  } else {
    Object.assign(next.filters, monthRange(value));
  }
  navigate(next, 'results');
}

function renderFacets(state, facets) {
  const sections = [];
  for (const facet of FACETS) {
    const data = facets && facets[facet.name];
    if (!data || !data.values || data.values.length === 0) continue;
    const headingId = `facet-${facet.name}-heading`;
    const items = data.values.map(({ value, count }) => {
      const active = facetActive(state, facet, value);
      const label = facet.label(value);
      return el('li', null, el('button', {
        type: 'button',
        class: 'facet-value',
        'data-facet': facet.name,
        'data-value': value,
        'aria-pressed': active ? 'true' : 'false',
        'aria-label': `${label}, ${plural(count, 'result', 'results')}${active ? ', selected' : ''}`,
        onclick: () => facetNarrow(state, facet, value),
      }, el('span', { class: 'facet-label' }, label), el('span', { class: 'count' }, count.toLocaleString('en'))));
    });
    const more = data.distinct > data.values.length
      ? el('p', { class: 'more' }, `${data.distinct - data.values.length} more not shown`) : null;
    sections.push(el('section', { class: 'facet', id: `facet-${facet.name}`, 'aria-labelledby': headingId },
      el('h3', { id: headingId }, facet.title), el('ul', null, items), more));
  }
  $('facets').replaceChildren(
    ...(sections.length ? [el('h2', { class: 'facets-heading' }, 'Narrow by')] : []), ...sections);
  $('facets').hidden = sections.length === 0;
}

// The link from an article or a speaker's page back to the results of
// @p back (the state without the page), or to a new search when there were none.
function setBackLink(id, back) {
  const backLink = $(id);
  backLink.href = stateUrl(back);
  backLink.textContent = hasSearch(back) ? '← Back to results' : '← New search';
  backLink.onclick = (event) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate(back, 'results');
  };
}

// ---------------------------------------------------------------------------
// The article view: the body with each statement marked, and the list of
// statements with who said them.

async function showArticle(state, focus) {
  const request = startPageRequest();
  setBusy(true);
  setMessages();
  $('chips').hidden = true;
  setBackLink('back-link', { ...state, article: '', stmt: '' });
  $('article-title').textContent = 'Loading…';
  $('article-meta').replaceChildren();
  $('article-body').replaceChildren();
  $('article-statements').replaceChildren();
  let data;
  try {
    data = await getJson('/api/article', new URLSearchParams({ id: state.article }), request.signal);
  } catch (error) {
    if (request.signal.aborted) return;
    setBusy(false);
    $('article-title').textContent = 'Article not available';
    setMessages(errorMessage(error));
    return;
  }
  if (request.signal.aborted) return;
  renderArticle(state, data);
  setBusy(false);
  const selected = document.querySelector('#article-body mark.selected');
  if (selected) {
    selected.scrollIntoView({ block: 'center' });
    if (focus === 'article') selected.focus();
  } else if (focus === 'article') {
    $('article-title').focus();
  }
}

function statementSummary(s) {
  return [speakerLabel(s), s.role, s.location, formatDate(s.date)].filter(Boolean).join(', ');
}

// Scrolls to and focuses an element inside the article without touching the
// URL: a #fragment would add a history entry that is not a search state.
function jumpTo(id) {
  return (event) => {
    event.preventDefault();
    const target = $(id);
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.focus();
  };
}

// Splits the body into paragraphs at blank lines, as [start, end) byte
// ranges, so statements can be marked within each paragraph.
function paragraphRanges(bytes) {
  const ranges = [];
  let start = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0x0a && bytes[i + 1] === 0x0a) {
      if (i > start) ranges.push([start, i]);
      while (i < bytes.length && bytes[i] === 0x0a) i++;
      start = i;
    }
  }
  if (start < bytes.length) ranges.push([start, bytes.length]);
  return ranges;
}

function renderArticle(state, data) {
  document.title = `${data.title || data.id} – saywho`;
  $('article-title').textContent = data.title || '(untitled article)';
  $('article-meta').replaceChildren(append(document.createDocumentFragment(), [
    el('time', { datetime: data.date }, formatDate(data.date)),
    data.source ? [' · ', data.source] : null]));
  const statements = data.statements || [];
  const body = data.body || '';
  const bytes = encoder.encode(body);
  const selected = state.stmt === '' ? -1 : Number(state.stmt);
  const marked = new Set();
  const paragraphs = paragraphRanges(bytes).map(([pstart, pend]) => {
    const text = decoder.decode(bytes.subarray(pstart, pend));
    const ranges = [];
    statements.forEach((s, index) => {
      const start = Math.max(s.body_start, pstart);
      const end = Math.min(s.body_end, pend);
      if (Number.isInteger(start) && Number.isInteger(end) && end > start) {
        ranges.push({ start: start - pstart, end: end - pstart, item: { s, index, last: s.body_end <= pend } });
      }
    });
    return el('p', null, splitAtByteRanges(text, ranges).map((piece) => {
      if (!piece.item) return document.createTextNode(piece.text);
      const { s, index, last } = piece.item;
      const first = !marked.has(index);
      marked.add(index);
      const mark = el('mark', {
        class: `statement${s.direct ? ' direct' : ' reported'}${index === selected ? ' selected' : ''}`,
        id: first ? `stmt-${index}` : null,
        tabindex: first ? '-1' : null,
        title: statementSummary(s),
        'data-index': index,
      }, piece.text);
      // A numbered link after the statement's last piece leads to who said it.
      const ref = last ? el('a', {
        class: 'stmt-ref',
        href: `#stmt-item-${index}`,
        'aria-label': `Statement ${index + 1}: ${statementSummary(s)}`,
        onclick: jumpTo(`stmt-item-${index}`),
      }, String(index + 1)) : null;
      return ref ? [mark, el('sup', null, ref)] : [mark];
    }).flat());
  });
  $('article-body').replaceChildren(...paragraphs);
  $('article-statements').replaceChildren(...statements.map((s, index) => el('li', {
    id: `stmt-item-${index}`,
    tabindex: '-1',
    class: index === selected ? 'selected' : null,
    value: index + 1,
  },
  speakerSpan(s),
  s.role ? [', ', el('span', { class: 'role' }, s.role)] : null,
  s.location ? [' · ', el('span', { class: 'place' }, s.location)] : null,
  s.date ? [' · ', el('time', { datetime: s.date }, formatDate(s.date))] : null,
  ' · ', el('span', { class: 'badge' }, s.direct ? 'quoted' : s.quote === 'mixed' ? 'partly quoted' : 'reported'),
  ' ', marked.has(index)
    ? el('a', { href: `#stmt-${index}`, onclick: jumpTo(`stmt-${index}`) }, 'show in text')
    : null)));
  $('statements-heading').hidden = statements.length === 0;
}

// ---------------------------------------------------------------------------
// The speaker page: /api/speaker for the key in the path.

async function showSpeaker(state, focus) {
  const request = startPageRequest();
  setBusy(true);
  setMessages();
  $('chips').hidden = true;
  setBackLink('speaker-back-link', { ...state, speaker: '' });
  $('speaker-name').textContent = 'Loading…';
  for (const id of ['speaker-meta', 'speaker-variants', 'speaker-roles', 'speaker-places', 'speaker-words',
    'speaker-latest']) $(id).replaceChildren();
  $('speaker-search').hidden = true;
  let data;
  try {
    data = await getJson('/api/speaker', new URLSearchParams({ key: state.speaker }), request.signal);
  } catch (error) {
    if (request.signal.aborted) return;
    setBusy(false);
    $('speaker-name').textContent = 'Speaker not available';
    renderTimeline($('speaker-timeline'), null, null, () => {});
    setMessages(errorMessage(error));
    return;
  }
  if (request.signal.aborted) return;
  renderSpeaker(state, data);
  setBusy(false);
  if (focus === 'speaker') $('speaker-name').focus();
}

// A search for the speaker's statements, narrowed by changes (q, from, to).
function speakerSearch(data, changes) {
  const next = withChanges(readState('', '/'), { q: changes.q || '' });
  next.filters.speaker = data.name;
  next.filters.type = 'statement';
  if (changes.from) next.filters.from = changes.from;
  if (changes.to) next.filters.to = changes.to;
  return next;
}

function renderSpeaker(state, data) {
  document.title = `${data.name} – saywho`;
  $('speaker-name').textContent = data.name;
  $('speaker-meta').textContent = [
    data.kind === 'organization' ? 'Organisation' : data.kind === 'person' ? 'Person' : null,
    plural(data.statements, 'statement', 'statements'),
    data.statements ? `${formatDate(data.first)} – ${formatDate(data.last)}` : null,
  ].filter(Boolean).join(' · ');
  const variants = data.variants || [];
  $('speaker-variants').replaceChildren(...(variants.length > 1
    ? ['Named ', ...variants.flatMap((v, i) => [i ? ', ' : '', el('span', { class: 'variant' }, v.name), ` (${v.count})`])]
    : []));
  const all = $('speaker-search');
  const allState = speakerSearch(data, {});
  all.replaceWith(stateLink(allState, { id: 'speaker-search' }, `All ${plural(data.statements, 'statement', 'statements')}`));
  $('speaker-roles').replaceChildren(...(data.roles || []).map((r) => el('li', { class: 'role' },
    el('span', { class: 'role-name' }, r.role), ', ', el('span', { class: 'role-span' }, r.span),
    ` (${plural(r.count, 'statement', 'statements')})`)));
  $('speaker-roles-heading').hidden = !(data.roles || []).length;
  renderTimeline($('speaker-timeline'), data.timeline, null,
    (bucket) => navigate(speakerSearch(data, { from: bucket.start, to: bucket.end }), 'results'));
  const places = (data.places && data.places.values) || [];
  $('speaker-places').replaceChildren(...places.map((p) => el('li', null,
    el('span', { class: 'place' }, p.value), ` (${p.count.toLocaleString('en')})`)));
  $('speaker-places-heading').hidden = places.length === 0;
  const words = (data.words && data.words.values) || [];
  $('speaker-words').replaceChildren(...words.map((w) => el('li', null,
    stateLink(speakerSearch(data, { q: w.word }), { class: 'word' }, w.word))));
  $('speaker-words-heading').hidden = words.length === 0;
  $('speaker-latest').replaceChildren(...(data.latest || []).map((hit) => statementCard(state, hit)));
}

// ---------------------------------------------------------------------------
// The search box's suggestions: an ARIA combobox whose listbox completes the
// last word of the query with speakers, places and words the index knows.

const input = $('q');
const listbox = $('suggestions');
let suggestTimer = null;
let suggestRequest = null;
let suggestions = [];
let activeIndex = -1;

function closeSuggestions() {
  clearTimeout(suggestTimer);
  if (suggestRequest) suggestRequest.abort();
  suggestions = [];
  activeIndex = -1;
  listbox.replaceChildren();
  listbox.hidden = true;
  $('suggest-status').textContent = '';
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
}

async function fetchSuggestions() {
  const value = input.value;
  const prefix = /\S+$/.exec(value);
  if (!prefix) {
    closeSuggestions();
    return;
  }
  if (suggestRequest) suggestRequest.abort();
  const request = new AbortController();
  suggestRequest = request;
  // Only the last word is sent: the API completes "the last word of q"
  // (docs/http.md), and a server that matched names against the whole box
  // would find nothing for "statements by Kett". completeQuery() still
  // replaces a typed "Aino" before it.
  let data;
  try {
    data = await getJson('/api/suggest', new URLSearchParams({ q: prefix[0], limit: String(SUGGEST_LIMIT) }), request.signal);
  } catch (error) {
    // Suggestions are a convenience: a failure leaves the box as it is.
    if (!request.signal.aborted) closeSuggestions();
    return;
  }
  // The user may have typed on while the answer travelled.
  if (request.signal.aborted || input.value !== value || document.activeElement !== input) return;
  renderSuggestions(data.suggestions || []);
}

const KIND_LABELS = { speaker: 'speaker', place: 'place', word: 'word' };

function renderSuggestions(items) {
  suggestions = items;
  activeIndex = -1;
  input.removeAttribute('aria-activedescendant');
  if (items.length === 0) {
    closeSuggestions();
    return;
  }
  listbox.replaceChildren(...items.map((s, index) => el('li', {
    id: `suggestion-${index}`,
    role: 'option',
    class: `suggestion kind-${s.kind}`,
    'aria-selected': 'false',
    'data-kind': s.kind,
    'data-value': s.value,
    // mousedown would blur the input before the click lands.
    onmousedown: (event) => event.preventDefault(),
    onclick: () => pickSuggestion(index),
  },
  el('span', { class: 'suggestion-value' }, s.value),
  el('span', { class: 'suggestion-kind' }, KIND_LABELS[s.kind] || s.kind),
  Number.isInteger(s.count) ? el('span', { class: 'count' }, s.count.toLocaleString('en')) : null)));
  listbox.hidden = false;
  input.setAttribute('aria-expanded', 'true');
  $('suggest-status').textContent = `${plural(items.length, 'suggestion', 'suggestions')}; arrow keys choose, Enter picks.`;
}

function setActive(index) {
  const options = listbox.querySelectorAll('[role="option"]');
  options.forEach((option, i) => option.setAttribute('aria-selected', i === index ? 'true' : 'false'));
  activeIndex = index;
  if (index >= 0) {
    input.setAttribute('aria-activedescendant', options[index].id);
    options[index].scrollIntoView({ block: 'nearest' });
  } else {
    input.removeAttribute('aria-activedescendant');
  }
}

// The query with its last word completed to the suggestion. When the words
// before it already start a multi-word suggestion ("Aino Kett" → "Aino
// Kettunen"), they are replaced too rather than repeated.
function completeQuery(text, value) {
  const words = text.replace(/\s+$/, '').split(/\s+/);
  const valueWords = value.split(/\s+/);
  let replace = 1;
  for (let k = Math.min(valueWords.length - 1, words.length - 1); k >= 1; k--) {
    const before = words.slice(words.length - 1 - k, words.length - 1);
    if (before.every((w, i) => w.toLowerCase() === valueWords[i].toLowerCase())) {
      replace = k + 1;
      break;
    }
  }
  return [...words.slice(0, words.length - replace), value].join(' ');
}

function pickSuggestion(index) {
  const s = suggestions[index];
  if (!s) return;
  input.value = completeQuery(input.value, s.value);
  closeSuggestions();
  $('search-form').requestSubmit();
}

input.addEventListener('input', () => {
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(fetchSuggestions, SUGGEST_DELAY_MS);
});

input.addEventListener('keydown', (event) => {
  const open = !listbox.hidden && suggestions.length > 0;
  switch (event.key) {
    case 'ArrowDown':
      if (!open) {
        // The list was closed (Escape, or a search ran): ArrowDown asks again.
        if (/\S$/.test(input.value)) {
          event.preventDefault();
          clearTimeout(suggestTimer);
          fetchSuggestions();
        }
        return;
      }
      event.preventDefault();
      setActive(activeIndex + 1 >= suggestions.length ? 0 : activeIndex + 1);
      break;
    case 'ArrowUp':
      if (!open) return;
      event.preventDefault();
      setActive(activeIndex <= 0 ? suggestions.length - 1 : activeIndex - 1);
      break;
    case 'Enter':
      if (open && activeIndex >= 0) {
        event.preventDefault();
        pickSuggestion(activeIndex);
      }
      // Otherwise the form submits the query as typed.
      break;
    case 'Escape':
      // A search input clears itself on Escape; with the list open, Escape
      // only closes the list.
      if (open) {
        event.preventDefault();
        closeSuggestions();
      }
      break;
    case 'Tab':
      closeSuggestions();
      break;
    default:
      break;
  }
});

input.addEventListener('blur', () => closeSuggestions());

// ---------------------------------------------------------------------------
// The form: Enter or the button searches with everything in the form; the
// selects apply at once; the dates apply once they are whole dates.

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  closeSuggestions();
  const next = withChanges(current, { q: input.value.trim(), sort: $('sort').value });
  for (const name of ['type', 'quote', 'from', 'to']) {
    const value = $(name).value;
    if (value) next.filters[name] = value;
    else delete next.filters[name];
  }
  navigate(next, null);
});

for (const id of ['type', 'quote', 'sort']) {
  $(id).addEventListener('change', () => $('search-form').requestSubmit());
}

// A date input reports a change for every digit typed into the year; only a
// plausible whole date (or a cleared field) is worth a search.
for (const id of ['from', 'to']) {
  $(id).addEventListener('change', () => {
    const value = $(id).value;
    if (value === '' || /^(19|20)\d\d-\d\d-\d\d$/.test(value)) $('search-form').requestSubmit();
  });
}

$('home-link').addEventListener('click', (event) => {
  if (!isPlainClick(event)) return;
  event.preventDefault();
  navigate(readState('', '/'), null);
  input.focus();
});

window.addEventListener('popstate', () => {
  current = readState(location.search, location.pathname);
  show(null);
});

show(null);
loadSaved();
