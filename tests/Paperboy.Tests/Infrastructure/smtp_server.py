"""A real SMTP server on loopback for the tests (Debian's python3-aiosmtpd; run with /usr/bin/python3).

Saves every accepted message into a Maildir (tmp/, new/, cur/) and answers chosen recipients with
temporary (451) or permanent (550) refusals. Prints "ready <port>" once it listens.

usage: smtp_server.py --port N --maildir DIR [--reject-451 a@x,b@y] [--reject-550 c@z]
                      [--reject-451-times N] [--rcpt-delay SECONDS] [--discard]

--reject-451-times N: refuse those addresses only on their first N attempts (0, the default: always).
--rcpt-delay S: wait S seconds before answering each RCPT (a slow server; nothing is saved during the wait).
--discard: accept but do not save (to measure the server's own ceiling).
"""
import argparse
import asyncio
import mailbox
import os
import signal

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, maildir, temporary, permanent, temporary_times=0, rcpt_delay=0.0, discard=False):
        for sub in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(maildir, sub), exist_ok=True)
        self.box = mailbox.Maildir(maildir, create=True)
        self.temporary = temporary
        self.permanent = permanent
        self.temporary_times = temporary_times
        self.attempts = {}
        self.rcpt_delay = rcpt_delay
        self.discard = discard

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.rcpt_delay:
            await asyncio.sleep(self.rcpt_delay)
        lowered = address.lower()
        if lowered in self.temporary:
            self.attempts[lowered] = self.attempts.get(lowered, 0) + 1
            if self.temporary_times == 0 or self.attempts[lowered] <= self.temporary_times:
                return "451 4.3.0 Mailbox busy, try again later"
        if lowered in self.permanent:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.discard:
            return "250 Message accepted for delivery"
        message = mailbox.MaildirMessage(envelope.original_content or envelope.content)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.box.add(message)
        return "250 Message accepted for delivery"


def addresses(text):
    return {a.strip().lower() for a in (text or "").split(",") if a.strip()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--reject-451", default="")
    parser.add_argument("--reject-550", default="")
    parser.add_argument("--reject-451-times", type=int, default=0)
    parser.add_argument("--rcpt-delay", type=float, default=0.0)
    parser.add_argument("--discard", action="store_true")
    args = parser.parse_args()
    handler = Handler(args.maildir, addresses(args.reject_451), addresses(args.reject_550),
                      args.reject_451_times, args.rcpt_delay, args.discard)
    controller = Controller(handler, hostname="127.0.0.1", port=args.port, data_size_limit=10 * 1024 * 1024)
    controller.start()
    print(f"ready {args.port}", flush=True)
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    main()
