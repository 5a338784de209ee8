#!/usr/bin/env python3
"""A messaging-gateway example for the ThuTuc TCP server (Python 3 standard library only).

A chat gateway (Zalo, Messenger, SMS…) serves many citizens at once. Rather than one
TCP connection per citizen, it keeps ONE connection to ThuTuc and multiplexes:

* every citizen gets their own "session", so follow-ups ("mất bao lâu?") and
  clarification answers ("2") are understood in that citizen's context;
* requests from all citizens are written as they come (pipelined), each with a
  unique "id"; the server answers each connection in arrival order, but the
  gateway does not rely on that: it matches every reply to its request by "id".

Usage:
    python3 examples/gateway_client.py --host 127.0.0.1 --port 7878

Each simulated user sends their next message only after the previous answer
arrived (as a person would), while the other users' requests share the wire.
At the end every user's conversation is printed.
"""

import argparse
import asyncio
import itertools
import json
import sys

# Who talks to the gateway, and what they say, in order.
CONVERSATIONS = {
    "an": ["đăng ký khai sinh cần giấy tờ gì", "mất bao lâu?", "lệ phí bao nhiêu?"],
    "binh": ["đăng ký kết hôn", "nộp ở đâu?", "mất bao lâu?"],
    "chi": ["giấy kiểm dịch động vật vận chuyển ra khỏi tỉnh", "2"],
    "dung": ["làm lại căn cước bị mất", "lệ phí?"],
}


class ThuTucConnection:
    """One pipelined JSON-lines connection shared by every user of the gateway."""

    def __init__(self, reader, writer, timeout):
        self.reader = reader
        self.writer = writer
        self.timeout = timeout
        self.pending = {}  # id -> Future waiting for that reply
        self.ids = itertools.count(1)
        self.reading = asyncio.ensure_future(self._read_replies())

    @classmethod
    async def open(cls, host, port, timeout):
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
        # The server greets every connection with one plain "220 …" line before any request.
        greeting = await asyncio.wait_for(reader.readline(), timeout)
        if not greeting.startswith(b"220 "):
            raise ConnectionError(f"unexpected greeting: {greeting!r}")
        return cls(reader, writer, timeout)

    async def request(self, **fields):
        """Sends one request line and waits for the reply carrying the same id."""
        request_id = next(self.ids)
        future = asyncio.get_running_loop().create_future()
        self.pending[request_id] = future
        line = json.dumps({"id": request_id, **fields}, ensure_ascii=False) + "\n"
        self.writer.write(line.encode("utf-8"))
        await self.writer.drain()
        try:
            return await asyncio.wait_for(future, self.timeout)
        finally:
            self.pending.pop(request_id, None)

    async def _read_replies(self):
        error = ConnectionError("the server closed the connection")
        try:
            while True:
                line = await self.reader.readline()
                if not line:
                    break
                if not line.startswith(b"{"):
                    # Plain notices reach JSON clients too: "421" before an idle close, for one.
                    print(f"gateway_client: server notice: {line.decode('utf-8', 'replace').rstrip()}", file=sys.stderr)
                    continue
                reply = json.loads(line)
                future = self.pending.get(reply.get("id"))
                if future is not None and not future.done():
                    future.set_result(reply)
        except (OSError, ValueError) as failure:
            error = failure
        for future in self.pending.values():
            if not future.done():
                future.set_exception(error)

    async def close(self):
        self.writer.write(b'{"cmd":"QUIT"}\n')
        await self.writer.drain()
        await asyncio.wait_for(self.reading, self.timeout)
        self.writer.close()
        await self.writer.wait_closed()


def describe(reply):
    """One reply as a short heading plus its text."""
    if "error" in reply:
        return f"[error {reply['error']['code']}] {reply['error']['message']}"
    procedure = reply.get("procedure") or {}
    heading = f"[{reply.get('intent')}{' ' + procedure['code'] if procedure else ''}]"
    choices = reply.get("choices") or []
    if reply.get("intent") == "clarify" and choices:
        heading += " choices: " + ", ".join(choice["code"] for choice in choices)
    return heading + "\n" + reply.get("reply", "")


async def converse(connection, user, messages, max_chars, transcript):
    session = f"gateway-{user}"
    for text in messages:
        reply = await connection.request(session=session, text=text, max_chars=max_chars)
        if reply.get("session") not in (None, session):
            raise RuntimeError(f"reply for {reply.get('session')} arrived in {session}")
        transcript.append((text, describe(reply)))


async def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7878)
    parser.add_argument("--max-chars", type=int, default=400, help="longest reply text wanted (40…100000)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for any one reply")
    options = parser.parse_args()

    connection = await ThuTucConnection.open(options.host, options.port, options.timeout)
    pong = await connection.request(cmd="PING")
    if pong.get("reply") != "PONG":
        raise ConnectionError(f"unexpected PING reply: {pong}")

    transcripts = {user: [] for user in CONVERSATIONS}
    await asyncio.gather(*(
        converse(connection, user, messages, options.max_chars, transcripts[user])
        for user, messages in CONVERSATIONS.items()
    ))
    await connection.close()

    for user, transcript in transcripts.items():
        print(f"=== {user} (session gateway-{user}) ===")
        for question, answer in transcript:
            print(f"> {question}")
            for line in answer.splitlines():
                print(f"  {line}")
        print()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except (OSError, asyncio.TimeoutError, RuntimeError) as failure:
        print(f"gateway_client: {failure or type(failure).__name__}", file=sys.stderr)
        sys.exit(1)
