import sys, os
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
inp = sys.stdin.buffer
n = 0
while True:
    sys.stdout.write('READY\n'); sys.stdout.flush()
    header = inp.readline()
    if not header:
        break
    h = dict(t.split(':', 1) for t in header.decode().split())
    want = int(h['len'])
    data = b''
    while len(data.decode('utf-8', 'ignore')) < want or True:
        try:
            if len(data.decode('utf-8')) >= want:
                break
        except UnicodeDecodeError:
            pass
        data += inp.read(1)
    with open(os.path.join(out, '%03d-%s.txt' % (n, h['eventname'])), 'wb') as f:
        f.write(header + data)
    n += 1
    sys.stdout.write('RESULT 2\nOK'); sys.stdout.flush()
