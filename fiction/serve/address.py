"""Where the server listens, whether it must ask for a join code, and what to print for phones.

Only the addresses that name this computer alone and are the usual defaults,
127.0.0.1, ::1 and localhost, serve without a code. Any other address asks
for it, including the rest of the loopback range (127.0.0.2…): a group of the
room can never reach those, so nothing is lost, and it gives the tests (and a
cautious facilitator) a way to try the gate on this computer alone.
"""

from __future__ import annotations

import io
import ipaddress
import socket

OPEN_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})
"""Hosts served without a join code: this computer only."""
ANY_HOSTS = frozenset({"", "0.0.0.0", "::"})


def bare(host: str) -> str:
    """The host without IPv6 brackets, in lower case."""
    return host.strip().strip("[]").lower()


def needs_code(host: str) -> bool:
    return bare(host) not in OPEN_HOSTS


def on_this_computer_only(host: str) -> bool:
    """A loopback address or name: no other device can open it (no QR code then)."""
    host = bare(host)
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def urls(host: str, port: int) -> list[str]:
    """The addresses to give the room: the host itself, or this computer's network addresses."""
    hosts = [bare(host)] if bare(host) not in ANY_HOSTS else network_addresses()
    return [f"http://{_in_url(name)}:{port}/" for name in hosts]


def network_addresses() -> list[str]:
    """This computer's addresses other devices may reach (its name when none is known)."""
    name = socket.gethostname()
    try:
        infos = socket.getaddrinfo(name, None, type=socket.SOCK_STREAM)
    except OSError:
        infos = []
    found: list[str] = []
    for family, *_, sockaddr in infos:
        address = str(sockaddr[0])
        usable = family in (socket.AF_INET, socket.AF_INET6) and "%" not in address
        if usable and not on_this_computer_only(address) and address not in found:
            found.append(address)
    found.sort(key=lambda address: ":" in address)  # IPv4 first: easier to read out
    return found or [name]


def client(remote: str | None) -> str:
    """Who a request comes from, as the throttle and the session caps count it.

    An IPv4 address stands for itself; an IPv6 address for its /64 network,
    since one device is commonly given a whole /64 and could otherwise
    change addresses at will.
    """
    if not remote:
        return "inconnu"
    try:
        ip = ipaddress.ip_address(remote.split("%")[0])
    except ValueError:
        return remote
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
    return str(ip)


def _in_url(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def qr_code(url: str) -> str:
    """`url` as a QR code drawn with block characters, for a phone's camera."""
    import segno

    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True)
    return out.getvalue()
