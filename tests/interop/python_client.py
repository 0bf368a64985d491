#!/usr/bin/python3
"""Interop client (python grpcio, C-core) for grpc.testing.TestService.

Runs every applicable case of /work/shared/reference/grpc-wire.md section 2 against 127.0.0.1:<port> and prints one
JSON line per case: {"case": name, "ok": bool, "detail": text}. Usage: python_client.py <port> <stubs-dir>
"""
import json
import os
import sys
import threading
import traceback

import grpc  # noqa: E402

# The stubs live in package grpc.testing, inside grpcio's own "grpc" package: extend its search path.
grpc.__path__.append(os.path.join(sys.argv[2], "grpc"))
from grpc.testing import empty_pb2, messages_pb2, test_pb2_grpc  # noqa: E402

PORT = int(sys.argv[1])
SPECIAL = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001F608\t\n"


def check(cond, text):
    if not cond:
        raise AssertionError(text)


def payload(size):
    return messages_pb2.Payload(body=b"\0" * size)


def empty_unary(stub):
    check(stub.EmptyCall(empty_pb2.Empty(), timeout=30) == empty_pb2.Empty(), "non-empty response")


def large_unary(stub):
    r = stub.UnaryCall(messages_pb2.SimpleRequest(response_size=314159, payload=payload(271828)), timeout=30)
    check(len(r.payload.body) == 314159, "size %d" % len(r.payload.body))


def client_compressed_unary(stub):
    try:
        stub.UnaryCall(messages_pb2.SimpleRequest(expect_compressed=messages_pb2.BoolValue(value=True),
                                                  response_size=314159, payload=payload(271828)), timeout=30)
        raise AssertionError("probe without compression succeeded")
    except grpc.RpcError as e:
        check(e.code() == grpc.StatusCode.INVALID_ARGUMENT, "probe gave %s" % e.code())
    for algorithm in (grpc.Compression.Gzip, grpc.Compression.Deflate):
        r = stub.UnaryCall(messages_pb2.SimpleRequest(expect_compressed=messages_pb2.BoolValue(value=True),
                                                      response_size=314159, payload=payload(271828)),
                           timeout=30, compression=algorithm)
        check(len(r.payload.body) == 314159, "compressed size")
    r = stub.UnaryCall(messages_pb2.SimpleRequest(expect_compressed=messages_pb2.BoolValue(value=False),
                                                  response_size=314159, payload=payload(271828)), timeout=30)
    check(len(r.payload.body) == 314159, "plain size")


def server_compressed_unary(stub):
    for compressed in (True, False):
        r = stub.UnaryCall(messages_pb2.SimpleRequest(response_compressed=messages_pb2.BoolValue(value=compressed),
                                                      response_size=314159, payload=payload(271828)), timeout=30)
        check(len(r.payload.body) == 314159, "size with compressed=%s" % compressed)


def client_streaming(stub):
    sizes = [27182, 8, 1828, 45904]
    r = stub.StreamingInputCall(iter([messages_pb2.StreamingInputCallRequest(payload=payload(s)) for s in sizes]), timeout=30)
    check(r.aggregated_payload_size == 74922, "aggregated %d" % r.aggregated_payload_size)


def server_streaming(stub):
    sizes = [31415, 9, 2653, 58979]
    req = messages_pb2.StreamingOutputCallRequest(response_parameters=[messages_pb2.ResponseParameters(size=s) for s in sizes])
    got = [len(r.payload.body) for r in stub.StreamingOutputCall(req, timeout=30)]
    check(got == sizes, "sizes %s" % got)


def server_compressed_streaming(stub):
    req = messages_pb2.StreamingOutputCallRequest(response_parameters=[
        messages_pb2.ResponseParameters(size=31415, compressed=messages_pb2.BoolValue(value=True)),
        messages_pb2.ResponseParameters(size=92653, compressed=messages_pb2.BoolValue(value=False))])
    got = [len(r.payload.body) for r in stub.StreamingOutputCall(req, timeout=30)]
    check(got == [31415, 92653], "sizes %s" % got)


def ping_pong(stub):
    sizes = [(31415, 27182), (9, 8), (2653, 1828), (58979, 45904)]
    requests = [messages_pb2.StreamingOutputCallRequest(response_parameters=[messages_pb2.ResponseParameters(size=o)],
                                                        payload=payload(i)) for o, i in sizes]
    got = [len(r.payload.body) for r in stub.FullDuplexCall(iter(requests), timeout=30)]
    check(got == [o for o, _ in sizes], "sizes %s" % got)


def empty_stream(stub):
    check(list(stub.FullDuplexCall(iter([]), timeout=30)) == [], "messages on an empty stream")


def custom_metadata(stub):
    md = (("x-grpc-test-echo-initial", "test_initial_metadata_value"), ("x-grpc-test-echo-trailing-bin", b"\xab\xab\xab"))
    r, call = stub.UnaryCall.with_call(messages_pb2.SimpleRequest(response_size=314159, payload=payload(271828)),
                                       metadata=md, timeout=30)
    check(("x-grpc-test-echo-initial", "test_initial_metadata_value") in call.initial_metadata(), "initial %s" % (call.initial_metadata(),))
    check(("x-grpc-test-echo-trailing-bin", b"\xab\xab\xab") in call.trailing_metadata(), "trailing %s" % (call.trailing_metadata(),))
    it = stub.FullDuplexCall(iter([messages_pb2.StreamingOutputCallRequest(response_parameters=[messages_pb2.ResponseParameters(size=314159)],
                                                                           payload=payload(271828))]), metadata=md, timeout=30)
    check([len(r.payload.body) for r in it] == [314159], "duplex response")
    check(("x-grpc-test-echo-initial", "test_initial_metadata_value") in it.initial_metadata(), "duplex initial")
    check(("x-grpc-test-echo-trailing-bin", b"\xab\xab\xab") in it.trailing_metadata(), "duplex trailing")


def expect_status(fn, code, message):
    try:
        fn()
        raise AssertionError("call succeeded")
    except grpc.RpcError as e:
        check(e.code() == code, "code %s" % e.code())
        if message is not None:
            check(e.details() == message, "details %r" % e.details())


def status_code_and_message(stub):
    status = messages_pb2.EchoStatus(code=2, message="test status message")
    expect_status(lambda: stub.UnaryCall(messages_pb2.SimpleRequest(response_status=status), timeout=30),
                  grpc.StatusCode.UNKNOWN, "test status message")
    expect_status(lambda: list(stub.FullDuplexCall(iter([messages_pb2.StreamingOutputCallRequest(response_status=status)]), timeout=30)),
                  grpc.StatusCode.UNKNOWN, "test status message")


def special_status_message(stub):
    status = messages_pb2.EchoStatus(code=2, message=SPECIAL)
    expect_status(lambda: stub.UnaryCall(messages_pb2.SimpleRequest(response_status=status), timeout=30),
                  grpc.StatusCode.UNKNOWN, SPECIAL)


def unimplemented_method(stub):
    expect_status(lambda: stub.UnimplementedCall(empty_pb2.Empty(), timeout=30), grpc.StatusCode.UNIMPLEMENTED, None)


def unimplemented_service(stub, channel):
    other = test_pb2_grpc.UnimplementedServiceStub(channel)
    expect_status(lambda: other.UnimplementedCall(empty_pb2.Empty(), timeout=30), grpc.StatusCode.UNIMPLEMENTED, None)


def cancel_after_begin(stub):
    release = threading.Event()

    def requests():
        release.wait(30)
        return
        yield  # noqa: unreachable - makes this a generator that sends nothing until cancelled

    future = stub.StreamingInputCall.future(requests(), timeout=30)
    future.cancel()
    release.set()
    check(future.cancelled(), "not cancelled")


def cancel_after_first_response(stub):
    req = messages_pb2.StreamingOutputCallRequest(response_parameters=[
        messages_pb2.ResponseParameters(size=31415),
        messages_pb2.ResponseParameters(size=9, interval_us=20_000_000)])
    it = stub.StreamingOutputCall(req, timeout=60)
    first = next(it)
    check(len(first.payload.body) == 31415, "first size")
    it.cancel()
    try:
        next(it)
        raise AssertionError("stream went on after cancel")
    except grpc.RpcError as e:
        check(e.code() == grpc.StatusCode.CANCELLED, "code %s" % e.code())


def timeout_on_sleeping_server(stub):
    req = messages_pb2.StreamingOutputCallRequest(response_parameters=[messages_pb2.ResponseParameters(size=27182, interval_us=20_000_000)],
                                                  payload=payload(27182))
    expect_status(lambda: list(stub.StreamingOutputCall(req, timeout=0.001)), grpc.StatusCode.DEADLINE_EXCEEDED, None)


def concurrent_large_unary(stub):
    req = messages_pb2.SimpleRequest(response_size=314159, payload=payload(271828))
    futures = [stub.UnaryCall.future(req, timeout=120) for _ in range(150)]
    sizes = [len(f.result().payload.body) for f in futures]
    check(all(s == 314159 for s in sizes), "a response had the wrong size")


CASES = [empty_unary, large_unary, client_compressed_unary, server_compressed_unary, client_streaming, server_streaming,
         server_compressed_streaming, ping_pong, empty_stream, custom_metadata, status_code_and_message,
         special_status_message, unimplemented_method, unimplemented_service, cancel_after_begin,
         cancel_after_first_response, timeout_on_sleeping_server, concurrent_large_unary]


def main():
    channel = grpc.insecure_channel("127.0.0.1:%d" % PORT, options=[("grpc.max_receive_message_length", 8 * 1024 * 1024)])
    stub = test_pb2_grpc.TestServiceStub(channel)
    for case in CASES:
        try:
            if case is unimplemented_service:
                case(stub, channel)
            else:
                case(stub)
            result = {"case": case.__name__, "ok": True, "detail": ""}
        except Exception as e:  # noqa: BLE001 - every failure becomes a reported result
            result = {"case": case.__name__, "ok": False, "detail": "%s: %s\n%s" % (type(e).__name__, e, traceback.format_exc())}
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
