// bench/vs-bpmn-engine, motcua side: dossiers per second end to end over HTTP.
//
//   node motcua-driver.mjs BASE_URL SECONDS CLIENTS
//
// The four officers involved log in once (POST /api/session with the demo
// password: a real session cookie and its CSRF token, sent on every POST; the
// server rate-limits logins, and an officer logs in once a day, not once per
// dossier). Then each of CLIENTS clients, on its own keep-alive connection and
// with those sessions, runs one dossier after another, until SECONDS have passed,
// of procedure BENCH-5STEP (five steps, see BENCH-5STEP.json) through:
//
//   receive        motcua1           POST /api/dossiers            (step 1 tiep_nhan: receipt, code)
//   transfer       motcua1           → phan_cong                   (step 1 done)
//   forward        truongphong.tcbc  → tham_dinh                   (step 2 done)
//   forward        chuyenvien1.tcbc  → phe_duyet                   (step 3 done)
//   approve        phogiamdoc1       → tra_ket_qua (with signature)(step 4 done)
//   result_ready   motcua1           status 9                      (step 5: result at the desk)
//   return_result  motcua1           status 10                     (step 5 done, dossier closed)
//
// Seven HTTP requests per dossier, each one durable transaction on the server
// (state, hash-chained event, counters, clocks; WAL, synchronous=FULL). Each
// answer is checked (status code, then the dossier's status and version);
// a dossier counts once its return_result is acknowledged. The logins happen
// before the clock starts.
// Prints one JSON line: {"dossiers":…,"seconds":…,"rate":…,"requests":…,"failed":…}.
import http from 'node:http';

const [base, secondsArg, clientsArg] = process.argv.slice(2);
if (!base || !secondsArg || !clientsArg) {
  console.error('usage: node motcua-driver.mjs BASE_URL SECONDS CLIENTS');
  process.exit(2);
}
const seconds = Number(secondsArg);
const clients = Number(clientsArg);
const url = new URL(base);
const PASSWORD = process.env.MOTCUA_BENCH_PASSWORD || 'motcua-demo';
const PROCEDURE = process.env.PROCEDURE || 'BENCH-5STEP';

function request(agent, session, method, path, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers = { Accept: 'application/json' };
    if (data) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = data.length;
    }
    if (session) {
      headers.Cookie = session.cookie;
      headers['X-CSRF-Token'] = session.csrf;
    }
    const req = http.request(
      { host: url.hostname, port: url.port, method, path, headers, agent },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode, headers: res.headers, json, text });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

async function login(agent, username) {
  const r = await request(agent, null, 'POST', '/api/session', { username, password: PASSWORD });
  if (r.status !== 200 || !r.json || !r.json.csrf_token) {
    throw new Error(`login ${username}: ${r.status} ${r.text}`);
  }
  const cookie = (r.headers['set-cookie'] || []).map((c) => c.split(';')[0]).join('; ');
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return { cookie, csrf: r.json.csrf_token };
}

function expect(r, status, what) {
  if (r.status !== status) throw new Error(`${what}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
  return r.json;
}

let requests = 0;

async function act(agent, session, code, action, version, extra = {}) {
  requests++;
  const r = await request(agent, session, 'POST', `/api/dossiers/${encodeURIComponent(code)}/actions`, {
    action,
    version,
    ...extra,
  });
  const j = expect(r, 200, `${action} ${code}`);
  if (j.version !== version + 1) throw new Error(`${action} ${code}: version ${j.version}, expected ${version + 1}`);
  return j;
}

async function oneDossier(agent, s, n) {
  requests++;
  const r = await request(agent, s.desk, 'POST', '/api/dossiers', {
    procedure: PROCEDURE,
    applicant: { name: `Bench ${n}`, phone: '0900000000' },
  });
  let d = expect(r, 201, 'receive');
  if (d.status !== 2) throw new Error(`receive: status ${d.status}`);
  const code = d.code;
  d = await act(agent, s.desk, code, 'transfer', d.version);
  d = await act(agent, s.head, code, 'forward', d.version);
  d = await act(agent, s.specialist, code, 'forward', d.version);
  d = await act(agent, s.deputy, code, 'approve', d.version, { signature: true });
  d = await act(agent, s.desk, code, 'result_ready', d.version);
  if (d.status !== 9) throw new Error(`result_ready ${code}: status ${d.status}`);
  d = await act(agent, s.desk, code, 'return_result', d.version);
  if (d.status !== 10) throw new Error(`return_result ${code}: status ${d.status}`);
}

async function main() {
  const loginAgent = new http.Agent({ keepAlive: false });
  const s = {
    desk: await login(loginAgent, 'motcua1'),
    head: await login(loginAgent, 'truongphong.tcbc'),
    specialist: await login(loginAgent, 'chuyenvien1.tcbc'),
    deputy: await login(loginAgent, 'phogiamdoc1'),
  };
  const workers = [];
  for (let i = 0; i < clients; i++) {
    workers.push({ agent: new http.Agent({ keepAlive: true, maxSockets: 1 }), s });
  }
  let done = 0;
  let failed = 0;
  let firstError = null;
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(
    workers.map(async (w, i) => {
      for (let n = 0; performance.now() < deadline; n++) {
        try {
          await oneDossier(w.agent, w.s, `${i}-${n}`);
          done++;
        } catch (e) {
          failed++;
          firstError ??= e;
          if (failed > 10) return;
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  for (const w of workers) w.agent.destroy();
  if (firstError) console.error(`motcua-driver: ${failed} dossiers failed; first: ${firstError.message}`);
  console.log(JSON.stringify({ dossiers: done, seconds: elapsed, rate: done / elapsed, requests, failed }));
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`motcua-driver: ${e.message}`);
  process.exit(1);
});
