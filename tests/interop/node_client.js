// Interop client (@grpc/grpc-js) for grpc.testing.TestService: runs the cases of grpc-wire.md section 2 against
// 127.0.0.1:<port> and prints one JSON line per case: {"case", "ok", "detail"}. Usage: node node_client.js <port>
'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');

const port = process.argv[2];
const def = loader.loadSync(['grpc/testing/test.proto'], {
  includeDirs: [path.join(__dirname, 'protos')], keepCase: true, longs: String, enums: String, defaults: true, oneofs: true,
});
const testing = grpc.loadPackageDefinition(def).grpc.testing;
const address = `127.0.0.1:${port}`;
const options = { 'grpc.max_receive_message_length': 8 * 1024 * 1024 };
const client = new testing.TestService(address, grpc.credentials.createInsecure(), options);
const gzipClient = new testing.TestService(address, grpc.credentials.createInsecure(), { ...options, 'grpc.default_compression_algorithm': 2 });
const deflateClient = new testing.TestService(address, grpc.credentials.createInsecure(), { ...options, 'grpc.default_compression_algorithm': 1 });
const SPECIAL = '\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \u{1F608}\t\n';

const deadline = (ms) => ({ deadline: new Date(Date.now() + ms) });
const payload = (size) => ({ body: Buffer.alloc(size) });
const check = (cond, text) => { if (!cond) { throw new Error(text); } };
const unary = (c, method, req, md = new grpc.Metadata(), opts = deadline(30000)) => new Promise((resolve, reject) => {
  const call = c[method](req, md, opts, (err, res) => (err ? reject(err) : resolve({ res, call })));
});
const collect = (stream) => new Promise((resolve, reject) => {
  const items = [];
  stream.on('data', (d) => items.push(d));
  stream.on('error', reject);
  stream.on('end', () => resolve(items));
});
async function expectStatus(promise, code, message) {
  try { await promise; } catch (e) {
    check(e.code === code, `code ${e.code} (${e.details})`);
    if (message !== undefined) { check(e.details === message, `details ${JSON.stringify(e.details)}`); }
    return e;
  }
  throw new Error('call succeeded');
}

const cases = {
  async empty_unary() { const { res } = await unary(client, 'EmptyCall', {}); check(Object.keys(res).length === 0, 'non-empty'); },
  async large_unary() {
    const { res } = await unary(client, 'UnaryCall', { response_size: 314159, payload: payload(271828) });
    check(res.payload.body.length === 314159, `size ${res.payload.body.length}`);
  },
  async client_compressed_unary() {
    await expectStatus(unary(client, 'UnaryCall', { expect_compressed: { value: true }, response_size: 314159, payload: payload(271828) }), grpc.status.INVALID_ARGUMENT);
    for (const c of [gzipClient, deflateClient]) {
      const { res } = await unary(c, 'UnaryCall', { expect_compressed: { value: true }, response_size: 314159, payload: payload(271828) });
      check(res.payload.body.length === 314159, 'compressed size');
    }
    const { res } = await unary(client, 'UnaryCall', { expect_compressed: { value: false }, response_size: 314159, payload: payload(271828) });
    check(res.payload.body.length === 314159, 'plain size');
  },
  async server_compressed_unary() {
    for (const compressed of [true, false]) {
      const { res } = await unary(client, 'UnaryCall', { response_compressed: { value: compressed }, response_size: 314159, payload: payload(271828) });
      check(res.payload.body.length === 314159, `size with compressed=${compressed}`);
    }
  },
  async client_streaming() {
    const sizes = [27182, 8, 1828, 45904];
    const res = await new Promise((resolve, reject) => {
      const call = client.StreamingInputCall(deadline(30000), (err, r) => (err ? reject(err) : resolve(r)));
      sizes.forEach((s) => call.write({ payload: payload(s) }));
      call.end();
    });
    check(res.aggregated_payload_size === 74922, `aggregated ${res.aggregated_payload_size}`);
  },
  async server_streaming() {
    const sizes = [31415, 9, 2653, 58979];
    const items = await collect(client.StreamingOutputCall({ response_parameters: sizes.map((size) => ({ size })) }, deadline(30000)));
    check(JSON.stringify(items.map((i) => i.payload.body.length)) === JSON.stringify(sizes), 'sizes');
  },
  async server_compressed_streaming() {
    const items = await collect(client.StreamingOutputCall({ response_parameters: [
      { size: 31415, compressed: { value: true } }, { size: 92653, compressed: { value: false } }] }, deadline(30000)));
    check(JSON.stringify(items.map((i) => i.payload.body.length)) === '[31415,92653]', 'sizes');
  },
  async ping_pong() {
    const pairs = [[31415, 27182], [9, 8], [2653, 1828], [58979, 45904]];
    const call = client.FullDuplexCall(deadline(30000));
    const got = [];
    await new Promise((resolve, reject) => {
      let index = 0;
      call.on('data', (d) => {
        got.push(d.payload.body.length);
        index += 1;
        if (index < pairs.length) { call.write({ response_parameters: [{ size: pairs[index][0] }], payload: payload(pairs[index][1]) }); } else { call.end(); }
      });
      call.on('error', reject);
      call.on('end', resolve);
      call.write({ response_parameters: [{ size: pairs[0][0] }], payload: payload(pairs[0][1]) });
    });
    check(JSON.stringify(got) === JSON.stringify(pairs.map((p) => p[0])), `sizes ${got}`);
  },
  async empty_stream() {
    const call = client.FullDuplexCall(deadline(30000));
    const items = collect(call);
    call.end();
    check((await items).length === 0, 'messages on an empty stream');
  },
  async custom_metadata() {
    const md = new grpc.Metadata();
    md.add('x-grpc-test-echo-initial', 'test_initial_metadata_value');
    md.add('x-grpc-test-echo-trailing-bin', Buffer.from([0xab, 0xab, 0xab]));
    const result = await new Promise((resolve, reject) => {
      let initial; let trailing;
      const call = client.UnaryCall({ response_size: 314159, payload: payload(271828) }, md, deadline(30000), (err) => { if (err) { reject(err); } });
      call.on('metadata', (m) => { initial = m; });
      call.on('status', (s) => { trailing = s.metadata; resolve({ initial, trailing }); });
    });
    check(result.initial.get('x-grpc-test-echo-initial')[0] === 'test_initial_metadata_value', 'unary initial');
    check(Buffer.compare(result.trailing.get('x-grpc-test-echo-trailing-bin')[0], Buffer.from([0xab, 0xab, 0xab])) === 0, 'unary trailing');
    const stream = client.FullDuplexCall(md, deadline(30000));
    let initial; let trailing;
    stream.on('metadata', (m) => { initial = m; });
    stream.on('status', (s) => { trailing = s.metadata; });
    stream.write({ response_parameters: [{ size: 314159 }], payload: payload(271828) });
    stream.end();
    const items = await collect(stream);
    await new Promise((r) => setImmediate(r));
    check(items.length === 1 && items[0].payload.body.length === 314159, 'duplex response');
    check(initial.get('x-grpc-test-echo-initial')[0] === 'test_initial_metadata_value', 'duplex initial');
    check(Buffer.compare(trailing.get('x-grpc-test-echo-trailing-bin')[0], Buffer.from([0xab, 0xab, 0xab])) === 0, 'duplex trailing');
  },
  async status_code_and_message() {
    const status = { code: 2, message: 'test status message' };
    await expectStatus(unary(client, 'UnaryCall', { response_status: status }), grpc.status.UNKNOWN, 'test status message');
    const call = client.FullDuplexCall(deadline(30000));
    const items = collect(call);
    call.write({ response_status: status });
    call.end();
    await expectStatus(items, grpc.status.UNKNOWN, 'test status message');
  },
  async special_status_message() {
    await expectStatus(unary(client, 'UnaryCall', { response_status: { code: 2, message: SPECIAL } }), grpc.status.UNKNOWN, SPECIAL);
  },
  async unimplemented_method() { await expectStatus(unary(client, 'UnimplementedCall', {}), grpc.status.UNIMPLEMENTED); },
  async unimplemented_service() {
    const other = new testing.UnimplementedService(address, grpc.credentials.createInsecure());
    await expectStatus(unary(other, 'UnimplementedCall', {}), grpc.status.UNIMPLEMENTED);
  },
  async cancel_after_begin() {
    const result = new Promise((resolve, reject) => {
      const call = client.StreamingInputCall(deadline(30000), (err, r) => (err ? resolve(err) : reject(new Error(`succeeded ${r}`))));
      call.cancel();
    });
    const err = await result;
    check(err.code === grpc.status.CANCELLED, `code ${err.code}`);
  },
  async cancel_after_first_response() {
    const call = client.StreamingOutputCall({ response_parameters: [{ size: 31415 }, { size: 9, interval_us: 20000000 }] }, deadline(60000));
    const err = await new Promise((resolve, reject) => {
      call.on('data', (d) => { check(d.payload.body.length === 31415, 'first size'); call.cancel(); });
      call.on('error', resolve);
      call.on('end', () => reject(new Error('stream ended normally')));
    });
    check(err.code === grpc.status.CANCELLED, `code ${err.code}`);
  },
  async timeout_on_sleeping_server() {
    const call = client.StreamingOutputCall({ response_parameters: [{ size: 27182, interval_us: 20000000 }], payload: payload(27182) }, deadline(1));
    await expectStatus(collect(call), grpc.status.DEADLINE_EXCEEDED);
  },
  async concurrent_large_unary() {
    const calls = [];
    for (let i = 0; i < 150; i += 1) { calls.push(unary(client, 'UnaryCall', { response_size: 314159, payload: payload(271828) }, new grpc.Metadata(), deadline(120000))); }
    const results = await Promise.all(calls);
    check(results.every(({ res }) => res.payload.body.length === 314159), 'a response had the wrong size');
  },
};

(async () => {
  for (const [name, run] of Object.entries(cases)) {
    try {
      await run();
      console.log(JSON.stringify({ case: name, ok: true, detail: '' }));
    } catch (e) {
      console.log(JSON.stringify({ case: name, ok: false, detail: `${e.message}\n${e.stack}` }));
    }
  }
  process.exit(0);
})();
