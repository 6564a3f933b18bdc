"""The bench's SMTP server: Debian's aiosmtpd with a null handler (accepts every message, keeps nothing), in
--processes forked processes sharing one port through SO_REUSEPORT, so the kernel spreads connections over them
and the server is not held to one Python core. Prints "ready PORT" once every process listens; the parent
prints how many messages were accepted (and per second, between the first and the last) when stopped.
Run with /usr/bin/python3 (where python3-aiosmtpd lives).

usage: /usr/bin/python3 null_smtp.py --port P [--processes 2] [--keep-first FILE] [--log FILE]

--keep-first FILE: save the first message a process accepts (as FILE.PID), e.g. for smtp_blast.py --file.
--log FILE: append "recipient<TAB>Message-ID" per recipient of each accepted message, written before the server
  answers 250 (what a crash campaign counts: a message the sender saw accepted is in the log).
"""
import argparse, asyncio, os, re, signal, socket, sys, time

from aiosmtpd.smtp import SMTP


MESSAGE_ID = re.compile(rb"^Message-ID:[ \t]*(\S+)", re.IGNORECASE | re.MULTILINE)


class Null:
    def __init__(self, keep_first, log):
        self.count, self.first, self.last = 0, 0.0, 0.0
        self.keep_first = keep_first
        # O_APPEND: every process's lines land whole in one file (one write each, well under PIPE_BUF).
        self.log = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644) if log else None

    async def handle_DATA(self, server, session, envelope):
        now = time.monotonic()
        if self.count == 0:
            self.first = now
            if self.keep_first:
                with open(f"{self.keep_first}.{os.getpid()}", "wb") as f:
                    f.write(envelope.original_content)
        if self.log is not None:
            head = envelope.original_content.split(b"\r\n\r\n", 1)[0]
            found = MESSAGE_ID.search(head)
            message_id = found.group(1).decode() if found else "-"
            os.write(self.log, "".join(f"{r}\t{message_id}\n" for r in envelope.rcpt_tos).encode())
        self.count += 1
        self.last = now
        return "250 Message accepted for delivery"


def serve(port, report_fd, keep_first, log):
    handler = Null(keep_first, log)
    loop = asyncio.new_event_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(128)
    server = loop.run_until_complete(loop.create_server(
        lambda: SMTP(handler, hostname="bench.local", data_size_limit=10 * 1024 * 1024, enable_SMTPUTF8=True), sock=sock))
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    os.write(report_fd, b"up\n")
    loop.run_until_complete(stop.wait())
    server.close()
    os.write(report_fd, f"{handler.count} {handler.first} {handler.last}\n".encode())
    os._exit(0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--keep-first")
    ap.add_argument("--log")
    a = ap.parse_args()
    read_fd, write_fd = os.pipe()
    children = []
    for _ in range(a.processes):
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            serve(a.port, write_fd, a.keep_first, a.log)
        children.append(pid)
    os.close(write_fd)
    reader = os.fdopen(read_fd)
    for _ in children:
        reader.readline()
    print(f"ready {a.port}", flush=True)

    def stop(*_):
        for pid in children:
            os.kill(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    results = [reader.readline().split() for _ in children]
    for pid in children:
        os.waitpid(pid, 0)
    total = sum(int(r[0]) for r in results)
    busy = [r for r in results if int(r[0]) > 0]
    span = (max(float(r[2]) for r in busy) - min(float(r[1]) for r in busy)) if busy else 0
    rate = f", {total / span:.0f} messages/s from the first to the last" if span > 0 else ""
    print(f"null aiosmtpd x{a.processes}: {total} messages accepted{rate}", flush=True)


if __name__ == "__main__":
    main()
