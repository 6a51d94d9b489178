// The search page's timeline: the API's timeline member drawn as an SVG bar chart; a bar picks its dates.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
// The chart's own coordinates; the SVG scales to the width of the results.
const TIMELINE_WIDTH = 600;
const TIMELINE_HEIGHT = 80;

function svgElement(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
  return node;
}

// A bucket's dates as a reader says them: "3 Mar 2025", "week of 3 Mar 2025", "March 2025", "2025".
function timelineLabel(interval, start) {
  const [y, m, d] = start.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const dayText = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  switch (interval) {
    case 'week': return `week of ${dayText}`;
    case 'month': return date.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    case 'year': return String(y);
    default: return dayText;
  }
}

// Fills figure with a bar per bucket of timeline ({interval, buckets: [{start, end, count}]}).
// A bucket with matches is a button (click, Enter or Space): onPick(bucket)
// runs; the bucket whose dates are selected ({from, to}) is drawn pressed.
// Text from the API goes in through setAttribute and textContent only.
function renderTimeline(figure, timeline, selected, onPick) {
  const buckets = (timeline && timeline.buckets) || [];
  if (buckets.length === 0) {
    figure.replaceChildren();
    figure.hidden = true;
    return;
  }
  const largest = Math.max(...buckets.map((b) => b.count));
  const slot = TIMELINE_WIDTH / buckets.length;
  const gap = slot > 4 ? Math.min(2, slot / 5) : 0;
  const svg = svgElement('svg', {
    viewBox: `0 0 ${TIMELINE_WIDTH} ${TIMELINE_HEIGHT}`,
    preserveAspectRatio: 'none',
    class: 'timeline-chart',
    role: 'group',
    'aria-label': `Results by ${timeline.interval}`,
  });
  buckets.forEach((bucket, index) => {
    const label = `${timelineLabel(timeline.interval, bucket.start)}: ${bucket.count.toLocaleString('en')}`;
    // Every bar at least a pixel or two high, so a single match is seen.
    const height = bucket.count === 0 ? 0 : Math.max(2, (bucket.count / largest) * TIMELINE_HEIGHT);
    const active = Boolean(selected && selected.from === bucket.start && selected.to === bucket.end);
    const group = svgElement('g', {
      class: `timeline-bar${active ? ' active' : ''}`,
      'data-start': bucket.start,
      'data-end': bucket.end,
      'data-count': bucket.count,
    });
    const title = svgElement('title');
    title.textContent = label;
    group.append(title);
    // The whole column takes the click, so a short bar is as easy to hit as a tall one.
    group.append(svgElement('rect', { class: 'timeline-hit', x: index * slot, y: 0, width: slot, height: TIMELINE_HEIGHT }));
    group.append(svgElement('rect', {
      class: 'timeline-fill', x: index * slot + gap / 2, y: TIMELINE_HEIGHT - height, width: slot - gap, height,
    }));
    if (bucket.count > 0) {
      group.setAttribute('role', 'button');
      group.setAttribute('tabindex', '0');
      group.setAttribute('aria-label', `${label}; show only these dates`);
      group.setAttribute('aria-pressed', active ? 'true' : 'false');
      group.addEventListener('click', () => onPick(bucket));
      group.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        onPick(bucket);
      });
    }
    svg.append(group);
  });
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  const caption = document.createElement('figcaption');
  const from = document.createElement('span');
  from.textContent = timelineLabel(timeline.interval, first.start);
  const what = document.createElement('span');
  what.className = 'timeline-what';
  what.textContent = `by ${timeline.interval}${timeline.exact === false ? ' (first matches only)' : ''}; a bar narrows the dates`;
  const to = document.createElement('span');
  to.textContent = timelineLabel(timeline.interval, last.start);
  caption.append(from, what, to);
  figure.replaceChildren(svg, caption);
  figure.hidden = false;
}
