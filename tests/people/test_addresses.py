"""Addresses as sortable keys: a network's range holds exactly its addresses."""

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civility.people.addresses import containing_networks, network


@pytest.mark.parametrize(("raw", "expected"), [
    ("203.0.113.7", "203.0.113.7/32"),
    ("203.0.113.7/24", "203.0.113.0/24"),
    ("2001:db8::1/48", "2001:db8::/48"),
    ("::ffff:198.51.100.0/120", "198.51.100.0/24"),
])
def test_networks_are_normalised(raw, expected):
    assert str(network(raw)) == expected


@pytest.mark.parametrize("raw", ["", "300.1.1.1", "10.0.0.0/33", "not an address", "10.0.0.0/-1", "fe80::1%eth0/200"])
def test_what_is_not_an_address_says_so(raw):
    with pytest.raises(ValueError, match="not an IP address or a CIDR network"):
        network(raw)


@pytest.mark.parametrize("raw", ["0.0.0.0/0", "10.0.0.0/7", "2001::/16"])
def test_too_wide_networks_are_refused(raw):
    with pytest.raises(ValueError, match="too wide"):
        network(raw)


def test_an_ipv4_address_lies_in_the_networks_of_its_mapped_ipv6_form():
    assert containing_networks("198.51.100.9") == containing_networks("::ffff:198.51.100.9")
    assert containing_networks("198.51.100.9")[0] == "198.0.0.0/8"
    assert containing_networks("198.51.100.9")[-1] == "198.51.100.9/32"
    assert containing_networks("nonsense") == containing_networks(None) == []


@given(st.ip_addresses(), st.ip_addresses(), st.integers(min_value=0, max_value=128))
def test_an_address_lies_in_a_banned_network_exactly_when_the_check_lists_it(address, other, prefix):
    """Whatever network a ban names (written by network()), the check finds it for exactly the
    addresses inside it: here one near ``address`` (a few low bits flipped) or anywhere else."""
    near = ipaddress.ip_address(int(address) ^ 0b1011)
    for base in (address, other):
        floor = 8 if base.version == 4 else 32
        try:
            banned = network(f"{base}/{max(floor, prefix % (base.max_prefixlen + 1))}")
        except ValueError:  # an IPv4-mapped base is written as IPv4: its prefix may be out of range
            continue
        for candidate in (address, near):
            as_v4 = getattr(candidate, "ipv4_mapped", None) or candidate
            inside = as_v4.version == banned.version and as_v4 in banned
            assert (str(banned) in containing_networks(str(candidate))) == inside
