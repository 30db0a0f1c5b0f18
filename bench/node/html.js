// HTML to main text peer: @mozilla/readability on a linkedom DOM, on every
// page named, all read into memory first; one warm-up run, then --reps timed
// runs. With --truth ground-truth.json (pages named ID.html), the warm-up
// run's texts are scored the way tests/eval/eval_articles.c scores quoted
// (the benchmark's evaluate.py): \w+ tokens, 4-gram shingles as multisets,
// per-page P and R averaged, F1 of the averages.
//   node html.js [--reps N] [--truth FILE] PAGE.html...
'use strict';
const { args, version, run, fs, path } = require('./common');
const { parseHTML } = require('linkedom');
const { Readability } = require('@mozilla/readability');

const opt = args(process.argv.slice(2), { truth: '' });
const pages = opt.files.map((f) => ({ id: path.basename(f, '.html'), html: fs.readFileSync(f, 'utf8') }));
console.log(`INPUT files ${pages.length} bytes ${opt.files.reduce((s, f) => s + fs.statSync(f).size, 0)}`);
version('@mozilla/readability');
version('linkedom');

function extract(html) {
  const { document } = parseHTML(html);
  const art = new Readability(document).parse();
  return art && art.textContent ? art.textContent : '';
}

function once() {
  return pages.map((p) => extract(p.html));
}

function shingles(text) {
  const tok = text.match(/[\p{L}\p{N}_]+/gu) || [];
  const n = tok.length >= 4 ? tok.length - 3 : (tok.length ? 1 : 0);
  const m = new Map();
  for (let i = 0; i < n; i++) {
    const s = tok.slice(i, i + 4).join('\x01');
    m.set(s, (m.get(s) || 0) + 1);
  }
  return m;
}

function score(truth, pred) {
  const t = shingles(truth), p = shingles(pred);
  let tp = 0, fp = 0, fn = 0;
  for (const [s, c] of t) { const d = p.get(s) || 0; tp += Math.min(c, d); fn += Math.max(0, c - d); }
  for (const [s, c] of p) fp += Math.max(0, c - (t.get(s) || 0));
  if (tp + fp + fn === 0) tp = 1;
  return [tp + fp ? tp / (tp + fp) : 0, tp + fn ? tp / (tp + fn) : 0];
}

const texts = run(null, once);
for (let i = 0; i < opt.reps; i++) run(true, once);
console.log(`COUNT text_bytes ${texts.reduce((s, t) => s + Buffer.byteLength(t), 0)}`);
if (opt.truth) {
  const gt = JSON.parse(fs.readFileSync(opt.truth, 'utf8'));
  let sp = 0, sr = 0, n = 0;
  pages.forEach((pg, i) => {
    if (!gt[pg.id]) return;
    const [p, r] = score(gt[pg.id].articleBody || '', texts[i]);
    sp += p; sr += r; n++;
  });
  const P = sp / n, R = sr / n;
  console.log(`COUNT precision ${P.toFixed(4)}\nCOUNT recall ${R.toFixed(4)}\nCOUNT f1 ${(P + R ? 2 * P * R / (P + R) : 0).toFixed(4)}`);
}
