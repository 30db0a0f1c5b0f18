// Shared by the peer scripts of bench/run: argument parsing and the output
// lines bench/run reads (the same as the C bench programs print):
//   INPUT files N bytes B | RUN seconds | COUNT name value | VERSION pkg v
'use strict';
const fs = require('fs');
const path = require('path');

function args(argv, opts) {
  const out = { files: [], reps: 5 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const k = a.slice(2);
      if (!(k in opts) && k !== 'reps') throw new Error(`unknown option ${a}`);
      out[k] = argv[++i];
    } else {
      out.files.push(a);
    }
  }
  out.reps = Math.max(1, parseInt(out.reps, 10) || 1);
  for (const k of Object.keys(opts)) if (!(k in out)) out[k] = opts[k];
  return out;
}

function version(pkg) {
  // Read directly: some packages export no ./package.json.
  const p = path.join(__dirname, 'node_modules', pkg, 'package.json');
  const v = JSON.parse(fs.readFileSync(p, 'utf8')).version;
  console.log(`VERSION ${pkg} ${v}`);
}

function now() {
  return Number(process.hrtime.bigint()) / 1e9;
}

function run(label, fn) {
  const t0 = now();
  const r = fn();
  if (r && typeof r.then === 'function')
    return r.then((v) => { if (label) console.log(`RUN ${(now() - t0).toFixed(6)}`); return v; });
  if (label) console.log(`RUN ${(now() - t0).toFixed(6)}`);
  return r;
}

module.exports = { args, version, now, run, path, fs };
