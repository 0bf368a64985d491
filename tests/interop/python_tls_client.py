"""python grpcio (C-core) over TLS against ShopSync: trusts the test CA, optionally presents a client certificate.

usage: python_tls_client.py PORT STUBS_DIR CA_FILE [CLIENT_CERT CLIENT_KEY]
Prints "OK <shops>" and exits 0 when CreateShop and ListShops succeed over TLS with ALPN h2.
"""
import sys

port, stubs, ca_file = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, stubs)

import grpc  # noqa: E402
from shopsync.v1 import shop_pb2, shop_pb2_grpc  # noqa: E402

with open(ca_file, "rb") as f:
    root = f.read()
key = chain = None
if len(sys.argv) > 5:
    with open(sys.argv[4], "rb") as f:
        chain = f.read()
    with open(sys.argv[5], "rb") as f:
        key = f.read()

credentials = grpc.ssl_channel_credentials(root_certificates=root, private_key=key, certificate_chain=chain)
with grpc.secure_channel(f"127.0.0.1:{port}", credentials, options=[("grpc.ssl_target_name_override", "localhost")]) as channel:
    shops = shop_pb2_grpc.ShopServiceStub(channel)
    shops.CreateShop(shop_pb2.CreateShopRequest(shop=shop_pb2.Shop(code="pytls", shopify_url="pytls")), timeout=60)
    listed = shops.ListShops(shop_pb2.ListShopsRequest(), timeout=60)
    print("OK", ",".join(s.code for s in listed.shops))
