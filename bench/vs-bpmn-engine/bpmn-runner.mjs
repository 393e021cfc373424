// bench/vs-bpmn-engine, bpmn-engine side: five-task instances per second with
// the engine state saved to SQLite after every step.
//
//   node bpmn-runner.mjs DB_FILE SECONDS WORKERS
//
// five-steps.bpmn: start → five user tasks (the steps of BENCH-5STEP: tiep_nhan,
// phan_cong, tham_dinh, phe_duyet, tra_ket_qua) → end. WORKERS worker threads
// (Node runs JavaScript on one thread, so concurrency needs threads), each with
// its own better-sqlite3 connection to DB_FILE (journal_mode=WAL,
// synchronous=FULL, busy_timeout set first: the durability motcua runs with),
// run one instance after another until SECONDS have passed:
//
//   new Engine({ source }) ; execute()      → waits at task 1
//   save state                              (the instance exists: motcua's receipt)
//   5 × { signal the waiting user task ; save state }   (one save after each step)
//
// "save state" = JSON.stringify(execution.getState()) upserted into
// instances(id, step, state) in its own transaction (a durable commit): six
// commits per instance. After the fifth signal the execution must be completed
// and every save must have followed the task it names; anything else fails.
// Prints one JSON line: {"instances":…,"seconds":…,"rate":…,"saves":…,"state_bytes":…}.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Engine } from 'bpmn-engine';

const TASKS = ['tiep_nhan', 'phan_cong', 'tham_dinh', 'phe_duyet', 'tra_ket_qua'];

function openDb(file) {
  const db = new Database(file);
  db.pragma('busy_timeout = 10000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

async function worker({ file, seconds, index, source }) {
  const db = openDb(file);
  const save = db.prepare(
    'INSERT INTO instances (id, step, state) VALUES (?, ?, ?) ' +
      'ON CONFLICT (id) DO UPDATE SET step = excluded.step, state = excluded.state',
  );
  let instances = 0;
  let saves = 0;
  let bytes = 0;
  const deadline = performance.now() + seconds * 1000;
  for (let n = 0; performance.now() < deadline; n++) {
    const id = `w${index}-${n}`;
    const engine = new Engine({ name: id, source });
    const execution = await engine.execute();
    for (let step = 0; step <= TASKS.length; step++) {
      const state = JSON.stringify(execution.getState());
      save.run(id, step, state);
      saves++;
      bytes += state.length;
      if (step === TASKS.length) break;
      const waiting = execution.getPostponed().filter((a) => a.type === 'bpmn:UserTask');
      if (waiting.length !== 1 || waiting[0].id !== TASKS[step]) {
        throw new Error(`${id}: expected to wait at ${TASKS[step]}, waiting at ${waiting.map((a) => a.id)}`);
      }
      waiting[0].signal({ done: TASKS[step] });
    }
    if (execution.state !== 'idle' || execution.isRunning || execution.getPostponed().length) {
      throw new Error(`${id}: not completed after five steps (state ${execution.state})`);
    }
    instances++;
  }
  db.close();
  return { instances, saves, bytes };
}

if (!isMainThread) {
  worker(workerData).then(
    (r) => parentPort.postMessage(r),
    (e) => parentPort.postMessage({ error: e.stack || String(e) }),
  );
} else {
  const [file, secondsArg, workersArg] = process.argv.slice(2);
  if (!file || !secondsArg || !workersArg) {
    console.error('usage: node bpmn-runner.mjs DB_FILE SECONDS WORKERS');
    process.exit(2);
  }
  const seconds = Number(secondsArg);
  const workers = Number(workersArg);
  const source = readFileSync(new URL('five-steps.bpmn', import.meta.url), 'utf8');
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const db = openDb(file);
  db.exec('CREATE TABLE instances (id TEXT PRIMARY KEY, step INTEGER NOT NULL, state TEXT NOT NULL)');
  db.close();

  const t0 = performance.now();
  const results = await Promise.all(
    Array.from({ length: workers }, (_, index) =>
      new Promise((resolve, reject) => {
        const w = new Worker(fileURLToPath(import.meta.url), {
          workerData: { file, seconds, index, source },
        });
        w.once('message', (m) => (m.error ? reject(new Error(m.error)) : resolve(m)));
        w.once('error', reject);
      }),
    ),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const sum = (k) => results.reduce((a, r) => a + r[k], 0);
  const instances = sum('instances');

  const check = openDb(file);
  const rows = check.prepare('SELECT count(*) AS n, sum(step = ?) AS finished FROM instances').get(TASKS.length);
  check.close();
  if (rows.n !== instances || rows.finished !== instances) {
    console.error(`bpmn-runner: ${instances} instances run but ${rows.finished}/${rows.n} saved as finished`);
    process.exit(1);
  }
  console.log(
    JSON.stringify({
      instances,
      seconds: elapsed,
      rate: instances / elapsed,
      saves: sum('saves'),
      state_bytes: Math.round(sum('bytes') / Math.max(1, sum('saves'))),
    }),
  );
  process.exit(0);
}
