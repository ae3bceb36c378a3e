#!/usr/bin/env python3
"""Regenerates the differential tables for the XML-RPC codec specs (run: python3 generate.py).

writer.json: random values and the bytes Python's xmlrpc.client.dumps((value,), methodresponse=True) makes of them
(decoded as UTF-8), plus faults and dumps(Fault(code, text)).
reader.json: request bodies (dumps(params, methodname) of random values, and hand-written lenient and malformed
forms) with what Debian's Supervisor 4.2.5 supervisor_xmlrpc_handler.loads makes of them, or "error" where it raises.

Values are typed JSON: {"int": 5}, {"bool": true}, {"str": "s"}, {"double": "repr"}, {"base64": "b64"},
{"datetime": "text"}, {"array": [...]}, {"struct": [["k", v], ...]}, {"nil": null}.
"""
import base64
import datetime
import json
import random
import sys
import xmlrpc.client as xc

sys.path.insert(0, "/usr/lib/python3/dist-packages")
from supervisor.xmlrpc import supervisor_xmlrpc_handler  # noqa: E402

rng = random.Random(20240611)
ALPHABET = "abcXYZ019 _-.:/&<>\"'\t\n\r=;%éñ€中文\u00a0\u2028\U0001F600\U00010348"
MAXINT, MININT = 2**31 - 1, -2**31


def rand_str():
    return "".join(rng.choice(ALPHABET) for _ in range(rng.choice([0, 1, 3, 8, 20])))


def rand_double():
    kind = rng.random()
    if kind < 0.15:
        return rng.choice([0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 1e16, 1e15, 1e-4, 1e-5, 123456789012345678.0,
                           1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, float("inf"), float("-inf"),
                           float("nan"), 100.0, 9999999999999998.0, 0.0001234, 1234.5678])
    if kind < 0.5:
        return rng.uniform(-1e6, 1e6)
    if kind < 0.75:
        return float(rng.randint(-10**18, 10**18)) / 10 ** rng.randint(0, 25)
    import struct
    while True:
        d = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
        if d == d:
            return d


def rand_scalar():
    kind = rng.randrange(7)
    if kind == 0:
        return rng.choice([0, 1, -1, MAXINT, MININT, rng.randint(MININT, MAXINT), rng.randint(-1000, 1000)])
    if kind == 1:
        return rng.choice([True, False])
    if kind in (2, 3):
        return rand_str()
    if kind == 4:
        return rand_double()
    if kind == 5:
        return rng.randbytes(rng.choice([0, 1, 2, 3, 56, 57, 58, 114, 200]))
    return datetime.datetime(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
                             rng.randint(0, 59), rng.randint(0, 59))


def rand_value(depth=0):
    r = rng.random()
    if depth < 3 and r < 0.2:
        return [rand_value(depth + 1) for _ in range(rng.randrange(4))]
    if depth < 3 and r < 0.4:
        return {rand_str(): rand_value(depth + 1) for _ in range(rng.randrange(4))}
    return rand_scalar()


def typed(v):
    if v is None:
        return {"nil": None}
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, int):
        return {"int": v}
    if isinstance(v, float):
        return {"double": repr(v)}
    if isinstance(v, str):
        return {"str": v}
    if isinstance(v, (bytes, bytearray)):
        return {"base64": base64.b64encode(v).decode()}
    if isinstance(v, datetime.datetime):
        return {"datetime": "%04d%02d%02dT%02d:%02d:%02d" % v.timetuple()[:6]}
    if isinstance(v, (list, tuple)):
        return {"array": [typed(x) for x in v]}
    if isinstance(v, dict):
        return {"struct": [[k, typed(x)] for k, x in v.items()]}
    raise TypeError(type(v))


def writer_cases():
    cases = []
    for _ in range(600):
        v = rand_value()
        cases.append({"value": typed(v), "xml": xc.dumps((v,), methodresponse=True)})
    for _ in range(60):
        code = rng.choice([1, 2, 10, 50, 70, 92, MAXINT, MININT, rng.randint(MININT, MAXINT)])
        text = rng.choice(["BAD_NAME: nope", "UNKNOWN_METHOD", "", rand_str()])
        cases.append({"fault": [code, text], "xml": xc.dumps(xc.Fault(code, text))})
    return cases


HANDLER = object.__new__(supervisor_xmlrpc_handler)


def loads(body):
    try:
        params, method = HANDLER.loads(body)
    except Exception:  # noqa: BLE001 - any exception is Supervisor's 400
        return {"error": True}
    if params is None:
        params = ()
    return {"method": method, "params": [typed(p) for p in params]}


def wrap(inner, name="supervisor.x"):
    return "<?xml version='1.0'?><methodCall><methodName>%s</methodName><params>%s</params></methodCall>" % (name, inner)


def one(value_xml):
    return wrap("<param><value>%s</value></param>" % value_xml)


HAND_WRITTEN = [
    "<methodCall><methodName>supervisor.getState</methodName></methodCall>",
    "<methodCall><methodName>supervisor.getState</methodName><params/></methodCall>",
    "<methodCall><methodName>supervisor.getState</methodName><params></params></methodCall>",
    "<methodCall><methodName></methodName></methodCall>",
    "<methodCall><params/></methodCall>",
    "<methodCall><methodName>a.b</methodName><methodName>c.d</methodName></methodCall>",
    "<anything><methodName>a.b</methodName></anything>",
    "<methodCall>\n  <methodName>a.b</methodName>\n  <params>\n    <param>\n      <value>\n        <int> 5 </int>\n      </value>\n    </param>\n  </params>\n</methodCall>\n",
    one("plain"), one(""), one("  spaced  "), one("<string></string>"), one("<string/>"), one("<string>  </string>"),
    one("<i4>7</i4>"), one("<int>+5</int>"), one("<int>-0</int>"), one("<int>1_000</int>"), one("<int>1__0</int>"),
    one("<int>2147483647</int>"), one("<int>x</int>"), one("<int></int>"), one("<int>5.0</int>"),
    one("<i8>9000000000</i8>"), one("<i8/>"), one("<nil/>"), one("<ex:nil xmlns:ex='http://ws.apache.org/xmlrpc/namespaces/extensions'/>"),
    one("<boolean>1</boolean>"), one("<boolean>0</boolean>"), one("<boolean>true</boolean>"), one("<boolean> 1</boolean>"), one("<boolean/>"),
    one("<double>1.5</double>"), one("<double> -2 </double>"), one("<double>inf</double>"), one("<double>-Infinity</double>"),
    one("<double>nan</double>"), one("<double>1e400</double>"), one("<double>.5</double>"), one("<double>5.</double>"), one("<double>abc</double>"),
    one("<double></double>"),
    one("<base64>aGVsbG8=</base64>"), one("<base64>aGVs\nbG8=</base64>"), one("<base64>aGVsbG8</base64>"), one("<base64></base64>"),
    one("<base64>/w==</base64>"), one("<base64>w6k=</base64>"), one("<base64>aG!Vs*bG8=</base64>"), one("<base64>=aGVsbG8=</base64>"),
    one("<base64>aGVsbG8=junk</base64>"), one("<base64>YR==</base64>"), one("<base64>YWJj====</base64>"),
    one("<base64>YQ=Y=</base64>"), one("<int>\u0663</int>"), one("<int>-2147483648</int>"), one("<int>2147483648</int>"), one("<base64>a</base64>"), one("<base64>aGVsbA==</base64>"), one("<base64>aGVsbA=</base64>"),
    one("<dateTime.iso8601>20240131T12:00:00</dateTime.iso8601>"), one("<dateTime.iso8601>2024131T1:2:3</dateTime.iso8601>"),
    one("<dateTime.iso8601>20240230T12:00:00</dateTime.iso8601>"), one("<dateTime.iso8601>bad</dateTime.iso8601>"),
    one("<dateTime.iso8601>20240131t12:00:00</dateTime.iso8601>"), one("<dateTime.iso8601>20240131T12:00:60</dateTime.iso8601>"),
    one("<array><data/></array>"), one("<array><data></data></array>"), one("<array/>"), one("<array><data><value>x</value><value><int>1</int></value></data></array>"),
    one("<array>\n<data>\n<value>a</value>\n</data>\n</array>"),
    one("<struct/>"), one("<struct><member><name>a</name><value>1</value></member><member><name>b</name><value><int>2</int></value></member></struct>"),
    one("<struct><member><name>a</name><value>1</value></member><member><name>a</name><value>2</value></member><member><name>b</name><value>3</value></member></struct>"),
    one("<struct><member><name/><value>1</value></member></struct>"),
    one("<struct><member><value>1</value></member></struct>"),
    one("<struct><member><name>a</name><value>1</value><value>2</value></member></struct>"),
    one("<struct>\n<member>\n<name>a</name>\n<value>1</value>\n</member>\n</struct>"),
    one("<string>a<b/>c</string>"), one("<string><![CDATA[<raw>&]]></string>"), one("<string>&amp;&lt;&#x41;&#66;</string>"),
    one("<!-- c --><string>x</string>"), one("<string>a<!-- c -->b</string>"), one("<unknown>text</unknown>"),
    one("<string>x</string><int>1</int>"),
    wrap("<param><value>a</value></param><param><value><int>2</int></value></param>"),
    wrap("<param/>"), wrap(""), wrap("<value>direct</value>"),
    "<methodCall><methodName>a.b</methodName><params><param><value>1</value></param></params><params/></methodCall>",
    "<methodCall><methodName> spaced.name </methodName></methodCall>",
    "<methodCall><methodName>a.b</methodName>",
    "not xml at all", "", "<methodCall><methodName>a.b</methodName></methodCall><extra/>",
    "<methodCall><methodName>a&amp;b</methodName></methodCall>",
    "<?xml version='1.0' encoding='UTF-8'?><methodCall><methodName>caf\u00e9.x</methodName></methodCall>",
    "<methodCall><methodName>a.b</methodName><params><param><value><int>1</int></value></param></params></methodCall>",
]


def reader_cases():
    cases = []
    for _ in range(300):
        params = tuple(rand_value() for _ in range(rng.randrange(4)))
        body = xc.dumps(params, methodname=rng.choice(["supervisor.getProcessInfo", "system.multicall", "a.b"]))
        cases.append({"body": body, "expected": loads(body)})
    for body in HAND_WRITTEN:
        cases.append({"body": body, "expected": loads(body)})
    return cases


def main():
    with open("writer.json", "w", encoding="utf-8") as f:
        json.dump(writer_cases(), f, indent=0)
        f.write("\n")
    with open("reader.json", "w", encoding="utf-8") as f:
        json.dump(reader_cases(), f, indent=0)
        f.write("\n")


if __name__ == "__main__":
    main()
