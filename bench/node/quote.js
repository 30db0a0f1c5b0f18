// Quote extraction peer: compromise's .quotations() (detection only, no
// speakers) on the texts of a docs.jsonl ({"id", "text"} per line), parsed
// before the clock starts; one warm-up run, then --reps timed runs.
// --max-bytes keeps the first documents up to that many bytes of text.
//   node quote.js [--reps N] [--max-bytes B] docs.jsonl
'use strict';
const { args, version, run, fs } = require('./common');
const nlp = require('compromise');

const opt = args(process.argv.slice(2), { 'max-bytes': '0' });
const max = parseInt(opt['max-bytes'], 10) || Infinity;
const texts = [];
let bytes = 0;
for (const line of fs.readFileSync(opt.files[0], 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const t = JSON.parse(line).text;
  if (typeof t !== 'string') continue;
  const b = Buffer.byteLength(t);
  if (bytes + b > max && texts.length) break;
  texts.push(t);
  bytes += b;
}
console.log(`INPUT files ${texts.length} bytes ${bytes}`);
version('compromise');

function once() {
  let n = 0;
  for (const t of texts) n += nlp(t).quotations().out('array').length;
  return n;
}

const quotes = run(null, once);
for (let i = 0; i < opt.reps; i++) run(true, once);
console.log(`COUNT quotes ${quotes}`);
