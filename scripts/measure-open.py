#!/usr/bin/env python3
"""How long the real program takes from exec to its first full frame, and its peak memory then.

    python3 scripts/measure-open.py BOARD [--binary .build/release/pipedeck] [--runs 5]

Runs the binary in a pseudo-terminal of 120x40 (LANG=C.UTF-8, TERM=xterm-256color) until the
footer of the first frame has been written ("Weighted" and "quit"), reads its peak resident memory
(VmHWM in /proc/PID/status) at that moment, then ends it. Prints each run and the median.
Used for docs/performance.md; the bench (pipedeck-bench) measures the steps inside the process.
"""
import fcntl, os, pty, select, signal, statistics, struct, sys, termios, time

def one(binary, path):
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(LANG="C.UTF-8", TERM="xterm-256color")
        os.execv(binary, [binary, "--file", path])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    buf = b""
    while not (b"Weighted" in buf and b"quit" in buf):
        if not select.select([fd], [], [], 30)[0]:
            raise SystemExit("no frame within 30 s")
        try:
            buf += os.read(fd, 1 << 16)
        except OSError:
            raise SystemExit("the program ended before its first frame: " + buf.decode(errors="replace")[-300:])
    elapsed = (time.monotonic() - t0) * 1000
    hwm = 0.0
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1]) / 1024
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed, hwm

def main():
    args = sys.argv[1:]
    binary, runs, path = ".build/release/pipedeck", 5, None
    while args:
        a = args.pop(0)
        if a == "--binary": binary = args.pop(0)
        elif a == "--runs": runs = int(args.pop(0))
        else: path = a
    if not path: raise SystemExit(__doc__)
    results = [one(binary, path) for _ in range(runs)]
    for ms, mb in results: print("%.0f ms, peak %.1f MB" % (ms, mb))
    print("median: %.0f ms, peak %.1f MB" % (statistics.median(r[0] for r in results), max(r[1] for r in results)))

main()
