"""A work dir, a FIFO clock and a daemon on the given programs, always torn down (used with `with`)."""
import os

import harness
from daemon import Daemon
from fifoclock import FifoClock


class Rig:

    def __init__(self, ctx, make_programs):
        self.ctx = ctx
        self.work = harness.make_workdir()
        self.clock = FifoClock(os.path.join(self.work, "clock"))
        self.daemon = Daemon(ctx.impl, self.work, make_programs(self.work, self.clock.path))

    def __enter__(self):
        try:
            self.daemon.start()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc):
        try:
            self.daemon.stop()
        finally:
            self.clock.close()
            harness.remove_workdir(self.work, self.ctx.keep)
