#!/usr/bin/python3
"""Reference interop server (python grpcio, C-core) for grpc.testing.TestService, used to test ShopSync's client.

Listens on 127.0.0.1:0 and prints "PORT <n>" once serving; runs until stdin closes.
Usage: python_server.py <stubs-dir>
"""
import os
import sys
import time
from concurrent import futures

import grpc

grpc.__path__.append(os.path.join(sys.argv[1], "grpc"))
from grpc.testing import empty_pb2, messages_pb2, test_pb2_grpc  # noqa: E402


def echo_metadata(context):
    md = dict(context.invocation_metadata())
    if "x-grpc-test-echo-initial" in md:
        context.send_initial_metadata((("x-grpc-test-echo-initial", md["x-grpc-test-echo-initial"]),))
    if "x-grpc-test-echo-trailing-bin" in md:
        context.set_trailing_metadata((("x-grpc-test-echo-trailing-bin", md["x-grpc-test-echo-trailing-bin"]),))


def abort_if_requested(status, context):
    if status.code != 0:
        context.abort(grpc.StatusCode(_code(status.code)), status.message)


def _code(number):
    for code in grpc.StatusCode:
        if code.value[0] == number:
            return code.value
    return grpc.StatusCode.UNKNOWN.value


class TestService(test_pb2_grpc.TestServiceServicer):
    def EmptyCall(self, request, context):
        return empty_pb2.Empty()

    def UnaryCall(self, request, context):
        echo_metadata(context)
        abort_if_requested(request.response_status, context)
        if request.response_compressed.value:
            context.set_compression(grpc.Compression.Gzip)
        return messages_pb2.SimpleResponse(payload=messages_pb2.Payload(body=b"\0" * request.response_size))

    def StreamingOutputCall(self, request, context):
        echo_metadata(context)
        if any(p.compressed.value for p in request.response_parameters):
            context.set_compression(grpc.Compression.Gzip)
        for parameters in request.response_parameters:
            if parameters.interval_us:
                deadline = time.monotonic() + parameters.interval_us / 1e6
                while context.is_active() and time.monotonic() < deadline:
                    time.sleep(0.01)
            if not parameters.compressed.value:
                context.disable_next_message_compression()
            yield messages_pb2.StreamingOutputCallResponse(payload=messages_pb2.Payload(body=b"\0" * parameters.size))
        abort_if_requested(request.response_status, context)

    def FullDuplexCall(self, request_iterator, context):
        echo_metadata(context)
        for request in request_iterator:
            abort_if_requested(request.response_status, context)
            for parameters in request.response_parameters:
                yield messages_pb2.StreamingOutputCallResponse(payload=messages_pb2.Payload(body=b"\0" * parameters.size))

    def StreamingInputCall(self, request_iterator, context):
        return messages_pb2.StreamingInputCallResponse(aggregated_payload_size=sum(len(r.payload.body) for r in request_iterator))


def main():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=64),
                         options=[("grpc.max_receive_message_length", 8 * 1024 * 1024)])
    test_pb2_grpc.add_TestServiceServicer_to_server(TestService(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print("PORT %d" % port, flush=True)
    sys.stdin.read()
    server.stop(grace=None)


if __name__ == "__main__":
    main()
