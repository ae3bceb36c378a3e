"""A named pipe that timestamps every line children write into it.

Children run `echo TAG > FIFO` (a cheap /bin/sh builtin: no bash, no clock binary), and a reader thread
stamps each line with time.time() as it arrives. We hold the FIFO open read-write, so writers never
block on open and the reader never sees end-of-file. Lines up to PIPE_BUF bytes are written atomically.
"""
import os
import select
import threading
import time


class FifoClock:
    def __init__(self, path):
        self.path = path
        os.mkfifo(path)
        self._fd = os.open(path, os.O_RDWR | os.O_NONBLOCK)
        self._lines = []  # (timestamp, text)
        self._cond = threading.Condition()
        self._stop = False
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self):
        pending = b""
        while not self._stop:
            ready, _, _ = select.select([self._fd], [], [], 0.2)
            if not ready:
                continue
            try:
                chunk = os.read(self._fd, 65536)
            except BlockingIOError:
                continue
            stamp = time.time()
            pending += chunk
            *complete, pending = pending.split(b"\n")
            if complete:
                with self._cond:
                    self._lines.extend((stamp, line.decode(errors="replace")) for line in complete)
                    self._cond.notify_all()

    def lines(self):
        with self._cond:
            return list(self._lines)

    def count(self):
        with self._cond:
            return len(self._lines)

    def wait_count(self, n, timeout):
        """Waits until n lines have arrived; returns the list of lines (possibly fewer on timeout)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while len(self._lines) < n:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(min(left, 0.5))
            return list(self._lines)

    def clear(self):
        with self._cond:
            self._lines.clear()

    def close(self):
        self._stop = True
        self._thread.join(timeout=2)
        os.close(self._fd)
