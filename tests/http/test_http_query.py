"""Query parameters read by the simulator's fast path are exactly Starlette's reading."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from starlette.datastructures import QueryParams
from starlette.requests import Request
from trovesim.simulator.http.query import query_values

QUERY_BYTES = st.binary(max_size=40) | st.lists(
    st.sampled_from([b"count_only", b"=", b"&", b"true", b"%41", b"+", b";", b"", b"\xc3\xa9"]),
    max_size=12,
).map(b"".join)


def request_with(query: bytes) -> Request:
    return Request({"type": "http", "query_string": query, "headers": []})


@given(QUERY_BYTES)
def test_every_query_reads_as_starlette_reads_it(query: bytes):
    assert dict(query_values(request_with(query))) == dict(QueryParams(query))


def test_a_plain_flag_and_a_repeated_name():
    values = query_values(request_with(b"count_only=True&limit=2&limit=5&include_clustered"))
    assert values == {"count_only": "True", "limit": "5", "include_clustered": ""}
