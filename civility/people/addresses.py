"""IP addresses and networks as bans name them, so that "is this address in a banned network?"
is an indexed equality lookup on SQLite and PostgreSQL alike.

A ban stores its network in canonical CIDR form (``203.0.113.0/24``). An address lies in only
as many networks as a ban may name prefixes (``/8`` to ``/32`` for IPv4, ``/32`` to ``/128``
for IPv6), so the check lists those networks and asks for bans on any of them.
"""

from __future__ import annotations

import ipaddress

#: networks wider than this cannot be banned (a typo such as 0.0.0.0/0 would ban everyone)
MIN_PREFIX = {4: 8, 6: 32}


def _address(raw: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    address = ipaddress.ip_address(raw.strip())
    mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:a.b.c.d is the IPv4 address a.b.c.d
    return mapped if mapped is not None else address


def network(raw: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    """An address or a CIDR network (host bits may be set: 10.0.0.7/24 is 10.0.0.0/24).

    Raises ValueError with a message for people when ``raw`` is neither, or is too wide.
    """
    text = raw.strip()
    try:
        net = ipaddress.ip_network(text, strict=False)
    except ValueError:
        raise ValueError(f"{text!r} is not an IP address or a CIDR network (e.g. 203.0.113.0/24).") from None
    mapped = getattr(net.network_address, "ipv4_mapped", None)
    if mapped is not None and net.prefixlen >= 96:  # ::ffff:a.b.c.d/n is an IPv4 network
        net = ipaddress.ip_network(f"{mapped}/{net.prefixlen - 96}")
    if net.prefixlen < MIN_PREFIX[net.version]:
        raise ValueError(f"{net} is too wide to ban: the prefix must be at least /{MIN_PREFIX[net.version]}.")
    return net


def containing_networks(raw: str | None) -> list[str]:
    """Every network a ban could name that holds this address (none when it is not an address),
    written as :func:`network` writes it."""
    try:
        address = _address(raw or "")
    except ValueError:
        return []
    kind, bits, value = type(address), address.max_prefixlen, int(address)
    full = (1 << bits) - 1
    return [f"{kind(value & (full ^ ((1 << (bits - p)) - 1)))}/{p}"
            for p in range(MIN_PREFIX[address.version], bits + 1)]
