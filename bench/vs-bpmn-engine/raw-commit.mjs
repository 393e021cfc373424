// bench/vs-bpmn-engine: the disk's durable commit rate, the ceiling of both
// sides (design.md §6: each benchmark prints its ceiling beside its result).
//
//   node raw-commit.mjs DB_FILE SECONDS
//
// One connection, journal_mode=WAL, synchronous=FULL, one small INSERT per
// BEGIN IMMEDIATE … COMMIT, as bench/transition measures it in C. Prints one
// JSON line: {"commits":…,"seconds":…,"rate":…}.
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';

const [file, secondsArg] = process.argv.slice(2);
if (!file || !secondsArg) {
  console.error('usage: node raw-commit.mjs DB_FILE SECONDS');
  process.exit(2);
}
for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
const db = new Database(file);
db.pragma('busy_timeout = 10000');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
const ins = db.prepare("INSERT INTO t (v) VALUES ('a transition')");
const one = db.transaction(() => ins.run());
let commits = 0;
const t0 = performance.now();
const deadline = t0 + Number(secondsArg) * 1000;
while (performance.now() < deadline) {
  one.immediate();
  commits++;
}
const seconds = (performance.now() - t0) / 1000;
db.close();
console.log(JSON.stringify({ commits, seconds, rate: commits / seconds }));
