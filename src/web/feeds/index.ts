// Feeds: the parsing core of `news feed` and `news update`. Bytes or text
// in, the feed model out (parseFeed); the feeds a web page announces
// (findFeedLinks); OPML subscription lists in and out. Nothing here fetches:
// the caller gives the body, its URL and its Content-Type. Loading it does
// no I/O and changes no global state (it builds a few lookup tables, and
// feedsmith its parsers); it costs some 15–20 ms, so the commands import it
// only when they need it.
export { parseFeed, MAX_ENTRIES, MAX_FEED_CHARS, MAX_HTML_CHARS, type ParseFeedOptions } from './parse.js';
export { findFeedLinks, type FeedLink } from './links.js';
export { parseOpml, parseOpmlDocument, writeOpml, type OpmlDocument, type OpmlFeed } from './opml.js';
export { decodeFeedBody, type DecodedFeed } from '../charset.js';
export { normalizeFeedDate } from '../dates.js';
export { FeedError, type Enclosure, type Feed, type FeedEntry, type FeedErrorKind, type FeedKind } from './types.js';
