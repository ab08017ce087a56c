"""Decompressing a response body with a hard cap on the output of every step, so a bomb never inflates.

httpx's own decoders inflate each network chunk in one call: a 64 kB chunk of a gzip bomb becomes 64 MB
at once, and a stacked encoding ("gzip, gzip") multiplies that again. Here zlib is asked for at most the
bytes still allowed, and the rest of the input waits in `unconsumed_tail`.
"""

from __future__ import annotations

import zlib

REPLAY_MAX = 64 * 1024
"""A wrong zlib header shows within two bytes; more than this without output is not worth replaying."""


class InflateError(Exception):
    """The body cannot be decompressed within the rules; the message is a short reason."""


class BodyTooLarge(InflateError):
    """The decompressed body would pass the cap."""


class Inflater:
    """Feed raw chunks in, get decoded bytes out; raises BodyTooLarge once the output would pass `max_bytes`."""

    def __init__(self, content_encoding: str, max_bytes: int) -> None:
        encoding = content_encoding.strip().lower()
        self.max_bytes = max_bytes
        self.size = 0
        self._raw_deflate_tried = False
        self._seen_output = False
        self._replay = bytearray()
        """The first raw bytes of a deflate body, to read again as raw deflate if the zlib header is wrong."""
        if encoding in ("", "identity"):
            self._zlib = None
        elif encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            # Meant to be zlib-wrapped, but some servers send raw deflate; the first chunk tells which.
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS)
        else:  # only gzip and deflate are asked for; a stacked or unknown encoding is refused, not guessed
            raise InflateError(f"unsupported compression ({encoding[:40]})")
        self._deflate = encoding == "deflate"

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.max_bytes:
            raise BodyTooLarge("response too large")
        return data

    def feed(self, chunk: bytes) -> bytes:
        """The decoded bytes for one raw chunk."""
        if self._zlib is None:
            return self._count(chunk)
        out = []
        data = chunk
        if self._deflate and not self._seen_output and len(self._replay) < REPLAY_MAX:
            self._replay += chunk
        while True:
            allowed = self.max_bytes - self.size + 1  # one byte over the cap is enough to know it is too large
            try:
                piece = self._zlib.decompress(data, allowed)
            except zlib.error as error:
                can_retry = not self._seen_output and not self._raw_deflate_tried and len(self._replay) < REPLAY_MAX
                if self._deflate and can_retry:
                    self._raw_deflate_tried = True
                    self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                    data = bytes(self._replay)  # everything so far, the header bytes of earlier chunks included
                    continue
                raise InflateError("bad compressed response") from error
            if piece and not self._seen_output:
                self._seen_output = True
                self._replay.clear()
            out.append(self._count(piece))
            data = self._zlib.unconsumed_tail
            if not data and len(piece) < allowed:
                return b"".join(out)

    def finish(self) -> bytes:
        """Whatever zlib still holds at the end of the body."""
        if self._zlib is None:
            return b""
        try:
            return self._count(self._zlib.flush())
        except zlib.error as error:
            raise InflateError("bad compressed response") from error
