// Interop client (@grpc/grpc-js) for the real ShopSync services. Runs against a server started with
// --Queue:EnableDiagnosticsTasks=true and prints one JSON line per case: {"case", "ok", "detail"}.
// Usage: node node_client.js <port>
'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

const port = process.argv[2];
const repoProtos = path.join(__dirname, '..', '..', 'protos');
const localProtos = path.join(__dirname, 'protos');
const def = loader.loadSync(['shopsync/v1/job_queue.proto'], {
  includeDirs: [repoProtos], keepCase: true, longs: String, enums: String, defaults: true, oneofs: true,
});
const v1 = grpc.loadPackageDefinition(def).shopsync.v1;
const address = `127.0.0.1:${port}`;
const jobs = new v1.JobQueueService(address, grpc.credentials.createInsecure());
const gzipJobs = new v1.JobQueueService(address, grpc.credentials.createInsecure(), { 'grpc.default_compression_algorithm': 2 });
const rpc = new protobuf.Root();
rpc.resolvePath = (origin, target) => path.join(localProtos, target);
rpc.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto']);
const Status = rpc.lookupType('google.rpc.Status');
const DIAGNOSTICS = 90001;

const deadline = (ms) => ({ deadline: new Date(Date.now() + ms) });
const check = (cond, text) => { if (!cond) { throw new Error(text); } };
const unary = (client, method, req, md = new grpc.Metadata()) => new Promise((resolve, reject) => {
  client[method](req, md, deadline(30000), (err, res) => (err ? reject(err) : resolve(res)));
});
const collect = (stream) => new Promise((resolve, reject) => {
  const items = [];
  stream.on('data', (d) => items.push(d));
  stream.on('error', reject);
  stream.on('end', () => resolve(items));
});
const diagnostics = (category, steps, stepMs, mode = 'RUN_MODE_FOREGROUND') => ({
  report_id: DIAGNOSTICS, category_code: category, mode,
  options: [{ name: 'steps', value: String(steps) }, { name: 'step_ms', value: String(stepMs) }],
});
async function expectStatus(promise, code) {
  try { await promise; } catch (e) {
    check(e.code === code, `code ${e.code} (${e.details}), expected ${code}`);
    return e;
  }
  throw new Error('call succeeded');
}
// grpc-status-details-bin unpacked: { 'google.rpc.BadRequest': message, ... }
function details(error) {
  const raw = error.metadata.get('grpc-status-details-bin')[0];
  check(raw !== undefined, 'no grpc-status-details-bin trailer');
  const status = Status.decode(raw);
  check(status.code === error.code, `details code ${status.code} vs ${error.code}`);
  check(status.message === error.details, `details message ${status.message} vs ${error.details}`);
  const out = {};
  for (const any of status.details) {
    const name = any.type_url.substring(any.type_url.lastIndexOf('/') + 1);
    out[name] = rpc.lookupType(name).decode(any.value);
  }
  return out;
}
async function eventsUntilCompleted(jobId, after = 0) {
  const messages = await collect(jobs.WatchJob({ job_id: jobId, after_sequence: after }, deadline(60000)));
  check(messages[0].snapshot && !messages[0].event, 'first WatchJob message is not the snapshot');
  const events = messages.filter((m) => m.event).map((m) => m.event);
  check(events.length > 0 && events[events.length - 1].kind === 'completed', 'WatchJob ended before completed');
  return events;
}

const cases = {
  async foreground_enqueue_streams() {
    const events = (await collect(jobs.EnqueueJob(diagnostics('js-fg', 3, 20), deadline(60000)))).map((r) => r.event);
    check(events[0].kind === 'accepted' && events[0].accepted.foreground, 'first event is not a foreground accepted');
    const last = events[events.length - 1];
    check(last.kind === 'completed' && last.completed.result === 'JOB_RESULT_SUCCEEDED', `last ${JSON.stringify(last)}`);
    check(events.some((e) => e.kind === 'progress'), 'no progress event');
    const sequences = events.map((e) => Number(e.sequence));
    check(sequences.every((s, i) => i === 0 || s > sequences[i - 1]), `sequences ${sequences}`);
  },
  async watch_resumes_after_sequence() {
    const call = jobs.EnqueueJob(diagnostics('js-watch', 4, 20, 'RUN_MODE_BACKGROUND'), deadline(30000));
    const jobId = (await collect(call))[0].event.job_id;
    const all = await eventsUntilCompleted(jobId);
    const middle = Number(all[Math.floor(all.length / 2)].sequence);
    const resumed = (await eventsUntilCompleted(jobId, middle)).map((e) => Number(e.sequence));
    const expected = all.map((e) => Number(e.sequence)).filter((s) => s > middle);
    check(JSON.stringify(resumed) === JSON.stringify(expected), `resumed ${resumed}, expected ${expected}`);
  },
  async cancel_after_first_message() {
    const call = jobs.EnqueueJob(diagnostics('js-cancel', 5, 100), deadline(60000));
    const first = await new Promise((resolve, reject) => { call.once('data', resolve); call.once('error', reject); });
    check(first.event.kind === 'accepted', 'first message is not accepted');
    const ended = new Promise((resolve) => call.on('error', resolve));
    call.cancel();
    check((await ended).code === grpc.status.CANCELLED, 'not CANCELLED');
    const events = await eventsUntilCompleted(first.event.job_id);
    check(events[events.length - 1].completed.result === 'JOB_RESULT_SUCCEEDED', 'the job did not run to the end');
  },
  async deadline_exceeded() {
    await expectStatus(collect(jobs.WatchJobs({ category_code: 'js-nothing' }, deadline(500))), grpc.status.DEADLINE_EXCEEDED);
  },
  async compression() {
    const reports = await unary(gzipJobs, 'ListReports', {});
    check(reports.reports.some((r) => r.report_id === DIAGNOSTICS), 'Diagnostics not listed');
    const events = (await collect(gzipJobs.EnqueueJob(diagnostics('js-gzip', 2, 10), deadline(60000)))).map((r) => r.event);
    check(events[events.length - 1].kind === 'completed', 'compressed foreground call did not complete');
  },
  async metadata() {
    const md = new grpc.Metadata();
    md.set('x-shopsync-user', 'node-interop');
    md.set('x-trace-bin', Buffer.from([0, 1, 255]));
    const first = (await collect(jobs.EnqueueJob(diagnostics('js-meta', 1, 10, 'RUN_MODE_BACKGROUND'), md, deadline(30000))))[0];
    const job = (await unary(jobs, 'GetJob', { job_id: first.event.job_id })).job;
    check(job.created_by === 'node-interop', `created_by ${job.created_by}`);
  },
  async error_details() {
    let e = await expectStatus(unary(jobs, 'GetJob', { job_id: 'not-a-uuid' }), grpc.status.INVALID_ARGUMENT);
    check(e.details.startsWith('job_id: '), `message ${e.details}`);
    check(details(e)['google.rpc.BadRequest'].fieldViolations[0].field === 'job_id', 'BadRequest field');
    const missing = '0b6f0000-0000-4000-8000-000000000000';
    e = await expectStatus(unary(jobs, 'GetJob', { job_id: missing }), grpc.status.NOT_FOUND);
    const info = details(e)['google.rpc.ResourceInfo'];
    check(info.resourceType === 'job' && info.resourceName === missing, `ResourceInfo ${JSON.stringify(info)}`);
    const events = (await collect(jobs.EnqueueJob(diagnostics('js-precond', 1, 10), deadline(60000)))).map((r) => r.event);
    const jobId = events[events.length - 1].job_id;
    e = await expectStatus(unary(jobs, 'HoldJob', { job_id: jobId }), grpc.status.FAILED_PRECONDITION);
    const violation = details(e)['google.rpc.PreconditionFailure'].violations[0];
    check(violation.type === 'STATE' && violation.subject === `job/${jobId}`, `PreconditionFailure ${JSON.stringify(violation)}`);
  },
  async unimplemented() {
    const client = new grpc.Client(address, grpc.credentials.createInsecure());
    await expectStatus(new Promise((resolve, reject) => client.makeUnaryRequest(
      '/shopsync.v1.JobQueueService/NoSuchMethod', (b) => b, (b) => b, Buffer.alloc(0), new grpc.Metadata(), deadline(30000),
      (err, res) => (err ? reject(err) : resolve(res)))), grpc.status.UNIMPLEMENTED);
  },
};

(async () => {
  for (const [name, run] of Object.entries(cases)) {
    try {
      await run();
      console.log(JSON.stringify({ case: name, ok: true, detail: '' }));
    } catch (e) {
      console.log(JSON.stringify({ case: name, ok: false, detail: String(e && e.stack ? e.stack : e) }));
    }
  }
  process.exit(0);
})();
