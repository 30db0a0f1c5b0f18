// Feed parsing peer: npm feedparser (sax, streaming) or rss-parser
// (xml2js) on every file named, all read into memory first; one warm-up
// run, then --reps timed runs. Items are counted; files a parser rejects
// are counted too.
//   node feed.js --lib feedparser|rss-parser [--reps N] FILE...
'use strict';
const { args, version, run, fs } = require('./common');

const opt = args(process.argv.slice(2), { lib: 'feedparser' });
const docs = opt.files.map((f) => fs.readFileSync(f));
console.log(`INPUT files ${docs.length} bytes ${docs.reduce((s, d) => s + d.length, 0)}`);
version(opt.lib);

function viaFeedparser(buf) {
  const FeedParser = require('feedparser');
  return new Promise((resolve) => {
    const fp = new FeedParser({ addmeta: false });
    let items = 0;
    let failed = false;
    fp.on('error', () => { failed = true; });
    fp.on('readable', () => { while (fp.read()) items++; });
    fp.on('end', () => resolve({ items, failed }));
    fp.on('close', () => resolve({ items, failed }));
    // Its error may come without an end: settle once the input is consumed.
    fp.end(buf, () => setImmediate(() => resolve({ items, failed })));
  });
}

// A parser per document: a reused one (its xml2js parser) can hang for good
// on the document after one it rejected.
async function viaRssParser(buf) {
  const RssParser = require('rss-parser');
  try {
    const f = await new RssParser().parseString(buf.toString('utf8'));
    return { items: f.items ? f.items.length : 0, failed: false };
  } catch (e) {
    return { items: 0, failed: true };
  }
}

async function once() {
  const parse = opt.lib === 'rss-parser' ? viaRssParser : viaFeedparser;
  let items = 0, failed = 0;
  for (const d of docs) {
    const r = await parse(d);
    items += r.items;
    if (r.failed) failed++;
  }
  return { items, failed };
}

(async () => {
  let r = await run(null, once);
  for (let i = 0; i < opt.reps; i++) r = await run(true, once);
  console.log(`COUNT items ${r.items}\nCOUNT rejected ${r.failed}`);
})();
