"""The SMTP server's own ceiling: a raw asyncio SMTP client that sends N messages over C reused connections
(MAIL, RCPT, DATA, as Paperboy's sender does) to a server, and prints messages per second.

usage: python3 smtp_blast.py --port P [--messages 10000] [--connections 4] [--size 20000 | --file MESSAGE.eml]

--file: send this message (e.g. one digest as it arrived) instead of a generated one of --size bytes, so the server
reads the same bytes and lines as from Paperboy.
"""
import argparse, asyncio, time


async def expect(reader, code):
    while True:
        line = await reader.readline()
        if not line:
            raise ConnectionError("server closed the connection")
        if line[3:4] != b"-":
            if not line.startswith(code):
                raise RuntimeError(line.decode().strip())
            return


async def connection(port, count, body, start_index):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await expect(reader, b"220")
    writer.write(b"EHLO blaster\r\n")
    await expect(reader, b"250")
    for i in range(count):
        n = start_index + i
        writer.write(b"MAIL FROM:<papers@paperboy.test>\r\n")
        await expect(reader, b"250")
        writer.write(f"RCPT TO:<reader{n}@bench.example>\r\n".encode())
        await expect(reader, b"250")
        writer.write(b"DATA\r\n")
        await expect(reader, b"354")
        writer.write(f"Message-ID: <blast.{n}@paperboy.test>\r\n".encode() + body + b"\r\n.\r\n")
        await expect(reader, b"250")
    writer.write(b"QUIT\r\n")
    await writer.drain()
    writer.close()


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--messages", type=int, default=10000)
    ap.add_argument("--connections", type=int, default=4)
    ap.add_argument("--size", type=int, default=20000)
    ap.add_argument("--file")
    a = ap.parse_args()
    line = b"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.\r\n"
    body = (b"From: papers@paperboy.test\r\nTo: reader@bench.example\r\nSubject: blast\r\n\r\n"
            + line * (a.size // len(line)))
    if a.file:
        with open(a.file, "rb") as f:
            lines = [l for l in f.read().replace(b"\r\n", b"\n").split(b"\n")
                     if not l.lower().startswith((b"message-id:", b"x-envelope-to:", b"x-peer:", b"x-mailfrom:", b"x-rcptto:"))]
        body = b"\r\n".join(b"." + l if l.startswith(b".") else l for l in lines).rstrip(b"\r\n")
    per = a.messages // a.connections
    started = time.perf_counter()
    await asyncio.gather(*(connection(a.port, per, body, c * per) for c in range(a.connections)))
    elapsed = time.perf_counter() - started
    print(f"{per * a.connections} messages of {len(body)} bytes over {a.connections} connections in {elapsed:.1f} s: "
          f"{per * a.connections / elapsed:.0f} messages/s")


if __name__ == "__main__":
    asyncio.run(main())
