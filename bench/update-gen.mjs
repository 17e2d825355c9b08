// Invented news for bench/update.mjs: feeds of full entries (RSS 2.0 with
// content:encoded, and some Atom), an OPML list of them, and a saved news
// page of about 100 KB. Everything comes from a seeded generator, so that
// two runs serve the same bytes and a figure can be compared with the last.
import { createHash } from 'node:crypto';

/** mulberry32: small, fast and good enough to vary invented text. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

const FIRST = [
  'Mara',
  'Tobias',
  'Ines',
  'Oskar',
  'Leila',
  'Viktor',
  'Anouk',
  'Rafael',
  'Sunniva',
  'Dmitri',
  'Priya',
  'Gideon',
  'Hana',
  'Colm',
  'Yusra',
  'Bertil',
  'Noor',
  'Emeka',
  'Liesl',
  'Tomasz',
];
const LAST = [
  'Lind',
  'Okafor',
  'Varga',
  'Halloran',
  'Bexley',
  'Marsh',
  'Quist',
  'Delacroix',
  'Arvidsson',
  'Tanaka',
  'Moreau',
  'Castell',
  'Ferreira',
  'Nyberg',
  'Ashdown',
  'Kowalczyk',
  'Ibarra',
  'Strand',
  'Whitlow',
  'Achebe',
];
const PLACES = ['Norvale', 'Kestrel Bay', 'Amberlee', 'Port Sallow', 'Greywick', 'Lower Tansey', 'Harrowgate Flats', 'Eastmere', 'Coldharbour', 'Wrenfield'];
const ROLES = [
  'the harbour master',
  'a spokeswoman for the council',
  'the transport minister',
  'a local shopkeeper',
  'the union representative',
  'an economist at the regional bank',
  'the head teacher',
  'the chief fire officer',
  'a resident of the estate',
  'the opposition leader',
];
const TOPICS = [
  'bridge repairs',
  'the water tariff',
  'a new ferry route',
  'school closures',
  'the flood barrier',
  'bus fares',
  'the hospital wing',
  'housing permits',
  'the fishing quota',
  'night trains',
  'the library budget',
  'wind turbines',
];
const VERBS = ['approved', 'delayed', 'rejected', 'reviewed', 'questioned', 'backed', 'postponed', 'revised', 'defended', 'announced'];
const NOUNS = ['council', 'committee', 'ministry', 'board', 'assembly', 'inspectorate', 'authority', 'cooperative'];
const WORDS = (
  'the a of to and in for on with by from at as after before over under between during while since ' +
  'plan cost vote report budget proposal week month year morning evening residents officials workers families ' +
  'said says expected agreed warned argued added noted insisted suggested would could might should will ' +
  'new local regional national public private early late final first second third several many few ' +
  'road river harbour station market square district valley coast hill street tower yard depot ' +
  'increase decline delay change decision agreement review figure share number rate level price ' +
  'meeting hearing inquiry statement letter survey study count estimate schedule contract tender permit'
).split(' ');
const SECTIONS = ['Local', 'Politics', 'Business', 'Transport', 'Environment', 'Education', 'Health'];

const person = (rnd) => `${pick(rnd, FIRST)} ${pick(rnd, LAST)}`;
const cap = (s) => s[0].toUpperCase() + s.slice(1);

function sentence(rnd) {
  const n = 12 + Math.floor(rnd() * 14);
  const words = [];
  for (let i = 0; i < n; i++) words.push(pick(rnd, WORDS));
  if (rnd() < 0.5) words.splice(Math.floor(n / 2), 0, pick(rnd, PLACES));
  return cap(words.join(' ')) + '.';
}

/** A paragraph of 50 to 90 words, some with a quote and its speaker, as news copy has. */
function paragraph(rnd) {
  const parts = [];
  if (rnd() < 0.35) {
    parts.push(`“${sentence(rnd).slice(0, -1)},” said ${person(rnd)}, ${pick(rnd, ROLES)}.`);
  } else {
    parts.push(
      `The ${pick(rnd, NOUNS)} in ${pick(rnd, PLACES)} ${pick(rnd, VERBS)} ${pick(rnd, TOPICS)} on ${pick(rnd, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}.`,
    );
  }
  while (parts.join(' ').split(' ').length < 50) parts.push(sentence(rnd));
  return parts.join(' ');
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const ZONES = [0, 60, -300, 330, 540, 120, -480];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n) => String(n).padStart(2, '0');

/** RFC 822 date at a UTC offset (minutes): feeds state their own zone, and readers must convert it. */
function rfc822(ms, offset) {
  const d = new Date(ms + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const zone = offset === 0 ? 'GMT' : `${sign}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${zone}`;
}

function rfc3339(ms, offset) {
  const d = new Date(ms + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const zone = offset === 0 ? 'Z' : `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${d.toISOString().slice(0, 19)}${zone}`;
}

/** One entry: what both feed formats need, and its body as HTML paragraphs. */
function entry(rnd, feedNo, entryNo, base, site) {
  const topic = pick(rnd, TOPICS);
  const place = pick(rnd, PLACES);
  const headline = `${cap(pick(rnd, NOUNS))} in ${place} ${pick(rnd, VERBS)} ${topic} (${feedNo}-${entryNo})`;
  const paragraphs = [];
  const count = 4 + Math.floor(rnd() * 3);
  for (let i = 0; i < count; i++) paragraphs.push(paragraph(rnd));
  const html = paragraphs
    .map((p, i) =>
      i === 1
        ? `<p>${escapeXml(p)} <a href="${site}/topics/${encodeURIComponent(topic)}">More on ${escapeXml(topic)}</a>.</p>`
        : i === 2
          ? `<blockquote><p>${escapeXml(p)}</p></blockquote>`
          : `<p>${escapeXml(p)}</p>`,
    )
    .join('\n');
  return {
    headline,
    link: `${site}/news/${feedNo}/${entryNo}-${topic.replace(/\W+/g, '-')}.html`,
    guid: `urn:bench:${feedNo}:${entryNo}`,
    published: base - (feedNo * 7 + entryNo * 53) * 60_000,
    offset: ZONES[(feedNo + entryNo) % ZONES.length],
    author: person(rnd),
    categories: [pick(rnd, SECTIONS), place],
    summary: paragraphs[0].split('. ')[0] + '.',
    html,
  };
}

/**
 * Feed number `feedNo` (from 1) with `entries` full entries, served from
 * `site`: RSS 2.0, every fifth one Atom. The body, its ETag and its
 * Last-Modified (its newest entry) are what the server sends.
 */
export function makeFeed(feedNo, entries, site, base) {
  const rnd = random(feedNo * 7919);
  const items = [];
  for (let i = 1; i <= entries; i++) items.push(entry(rnd, feedNo, i, base, site));
  const title = `${pick(rnd, PLACES)} ${pick(rnd, ['Gazette', 'Courier', 'Herald', 'Post', 'Chronicle'])} ${feedNo}`;
  const newest = items.reduce((latest, e) => Math.max(latest, e.published), -Infinity);
  const atom = feedNo % 5 === 0;
  let xml;
  if (atom) {
    xml =
      `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<title>${escapeXml(title)}</title>\n` +
      `<link href="${site}/" rel="alternate"/>\n<link href="${site}/feeds/${feedNo}.xml" rel="self"/>\n<id>urn:bench:feed:${feedNo}</id>\n<updated>${rfc3339(newest, 0)}</updated>\n` +
      items
        .map(
          (e) =>
            `<entry>\n<title>${escapeXml(e.headline)}</title>\n<link rel="alternate" href="${e.link}"/>\n<id>${e.guid}</id>\n` +
            `<published>${rfc3339(e.published, e.offset)}</published>\n<updated>${rfc3339(e.published, e.offset)}</updated>\n` +
            `<author><name>${escapeXml(e.author)}</name></author>\n${e.categories.map((c) => `<category term="${escapeXml(c)}"/>`).join('')}\n` +
            `<summary>${escapeXml(e.summary)}</summary>\n<content type="html">${escapeXml(e.html)}</content>\n</entry>\n`,
        )
        .join('') +
      '</feed>\n';
  } else {
    xml =
      `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n` +
      `<title>${escapeXml(title)}</title>\n<link>${site}/</link>\n<atom:link href="${site}/feeds/${feedNo}.xml" rel="self" type="application/rss+xml"/>\n` +
      `<description>News from ${escapeXml(title)}</description>\n<language>en</language>\n<lastBuildDate>${rfc822(newest, 0)}</lastBuildDate>\n` +
      items
        .map(
          (e) =>
            `<item>\n<title>${escapeXml(e.headline)}</title>\n<link>${e.link}</link>\n<guid isPermaLink="false">${e.guid}</guid>\n` +
            `<pubDate>${rfc822(e.published, e.offset)}</pubDate>\n<dc:creator>${escapeXml(e.author)}</dc:creator>\n` +
            `${e.categories.map((c) => `<category>${escapeXml(c)}</category>`).join('')}\n<description>${escapeXml(e.summary)}</description>\n` +
            `<content:encoded><![CDATA[${e.html}]]></content:encoded>\n</item>\n`,
        )
        .join('') +
      '</channel>\n</rss>\n';
  }
  const body = Buffer.from(xml);
  return {
    title,
    body,
    contentType: atom ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8',
    etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`,
    lastModified: new Date(Math.floor(newest / 1000) * 1000).toUTCString(),
    lastModifiedMs: Math.floor(newest / 1000) * 1000,
  };
}

export function makeOpml(feeds) {
  const outlines = feeds.map(
    (f) => `    <outline type="rss" text="${escapeXml(f.title)}" title="${escapeXml(f.title)}" xmlUrl="${escapeXml(f.url)}" htmlUrl="${escapeXml(f.site)}/"/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head><title>Bench subscriptions</title></head>\n  <body>\n${outlines.join('\n')}\n  </body>\n</opml>\n`;
}

/**
 * A saved news page of about 100 KB as a browser saves it: head with
 * metadata, JSON-LD, styles and scripts; navigation; an article of 15
 * paragraphs with an inline aside, a figure, an ad slot and a newsletter box;
 * a sidebar of most-read stories; comments; a footer; a state blob. Returns
 * the HTML and what a reader must keep and leave out, for the checks.
 */
export function makePage() {
  const rnd = random(424242);
  const headline = 'Harbour council approves flood barrier after a decade of delays';
  const author = 'Ines Varga';
  const published = '2026-11-24T07:45:00+01:00';
  const paragraphs = [];
  for (let i = 0; i < 15; i++) paragraphs.push(paragraph(rnd));
  const site = 'https://gazette.example';
  const links = (n, prefix) => Array.from({ length: n }, (_, i) => `<li><a href="${site}/${prefix}/${i}">${cap(pick(rnd, TOPICS))}</a></li>`).join('');
  const asideText = 'Read more: how the ferry timetable was drawn up in a single night';
  const mostRead = Array.from(
    { length: 10 },
    (_, i) => `<li><a href="${site}/most-read/${i}"><h3>${escapeXml(cap(sentence(rnd)))}</h3><p>${escapeXml(sentence(rnd))}</p></a></li>`,
  ).join('\n');
  const comments = Array.from(
    { length: 12 },
    (_, i) =>
      `<div class="comment" id="c${i}"><span class="who">${person(rnd)}</span><p>${escapeXml(sentence(rnd))} ${escapeXml(sentence(rnd))}</p><button>Reply</button></div>`,
  ).join('\n');
  const css = Array.from(
    { length: 120 },
    (_, i) =>
      `.c${i}{margin:${i % 7}px ${i % 5}px;padding:0 ${i % 3}em;color:#${((i * 2654435761) % 16777216).toString(16).padStart(6, '0')};font:${12 + (i % 6)}px/1.4 Georgia,serif}`,
  ).join('\n');
  const analytics = `(function(w,d){w.dataLayer=w.dataLayer||[];function g(){w.dataLayer.push(arguments)}g('js',new Date());${Array.from({ length: 80 }, (_, i) => `g('event','view_${i}',{section:'${pick(rnd, SECTIONS)}',slot:${i},label:'${pick(rnd, WORDS)}-${i}'});`).join('')}})(window,document);`;
  const state = JSON.stringify({
    page: { id: 90210, section: 'Local', headline },
    related: Array.from({ length: 170 }, (_, i) => ({ id: i, title: cap(sentence(rnd)), url: `${site}/story/${i}`, teaser: sentence(rnd) })),
  });
  const body = paragraphs.map((p, i) => {
    let html = `<p>${escapeXml(p)}</p>`;
    if (i === 4) html += `\n<aside class="related-inline"><h4>Related</h4><a href="${site}/ferry">${asideText}</a></aside>`;
    if (i === 7) html += `\n<div class="ad-slot" data-slot="mid-article"><span>Advertisement</span><script>window.ads&&ads.push({slot:'mid'})</script></div>`;
    if (i === 10)
      html += `\n<div class="newsletter"><h4>Get the morning briefing</h4><form action="${site}/subscribe"><input type="email" placeholder="Your email"><button>Sign up</button></form></div>`;
    return html;
  });
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeXml(headline)} | Norvale Gazette</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${escapeXml(paragraphs[0].slice(0, 150))}">
<meta name="author" content="${author}">
<meta property="og:type" content="article">
<meta property="og:title" content="${escapeXml(headline)}">
<meta property="og:site_name" content="Norvale Gazette">
<meta property="og:url" content="${site}/local/2026/11/24/flood-barrier">
<meta property="article:published_time" content="${published}">
<meta property="article:section" content="Local">
<link rel="canonical" href="${site}/local/2026/11/24/flood-barrier">
<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline, datePublished: published, author: { '@type': 'Person', name: author }, publisher: { '@type': 'Organization', name: 'Norvale Gazette' } })}</script>
<style>
${css}
</style>
<script>${analytics}</script>
</head>
<body class="article-page">
<a class="skip" href="#main">Skip to content</a>
<header class="masthead"><a href="${site}/" class="logo">Norvale Gazette</a>
<nav class="primary"><ul>${links(40, 'section')}</ul></nav>
<nav class="secondary"><ul>${links(30, 'topic')}</ul></nav>
<div class="ticker"><ul>${links(15, 'live')}</ul></div>
</header>
<main id="main">
<article class="story">
<header><p class="kicker">Local</p><h1>${escapeXml(headline)}</h1>
<p class="byline">By <a rel="author" href="${site}/staff/ines-varga">${author}</a></p>
<time datetime="${published}">24 November 2026, 07:45</time></header>
<figure><img src="${site}/img/barrier.jpg" alt="The flood barrier at dusk" width="1200" height="800"><figcaption>The barrier at dusk. Photograph: ${person(rnd)}</figcaption></figure>
<div class="article-body">
${body.join('\n')}
</div>
<footer class="story-tags"><a href="${site}/tag/flooding">Flooding</a> <a href="${site}/tag/council">Council</a></footer>
</article>
<aside class="sidebar"><h2>Most read</h2><ol>
${mostRead}
</ol></aside>
</main>
<section class="comments"><h2>Comments (12)</h2>
${comments}
</section>
<footer class="site-footer"><ul>${links(60, 'footer')}</ul><p>© 2026 Norvale Gazette. All rights reserved.</p></footer>
<script id="state" type="application/json">${state}</script>
<script>${analytics.replace(/view_/g, 'scroll_')}</script>
</body>
</html>
`;
  return { html, headline, author, first: paragraphs[0], last: paragraphs[14], leftOut: [asideText, 'Get the morning briefing', 'Most read', 'dataLayer'] };
}
