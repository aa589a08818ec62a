"""The roles the suite picks from what a target offers, the operator's overrides, and the
not-applicable reasons that follow."""

from __future__ import annotations

from pathlib import Path

import pytest
from trovesim.steps.profile import (
    Offer,
    OfferedDatastore,
    ProfileError,
    choose,
    read_profile_file,
)

from trovesim.suite import NEEDS_CLUSTERS, NEEDS_SECOND_VERSION, SIMULATOR_ONLY

MYSQL = OfferedDatastore("mysql", "8.0.35", ("8.0.28", "8.0.35"))
MARIADB = OfferedDatastore("mariadb", "10.11", ("10.11",))
POSTGRES = OfferedDatastore("postgresql", None, ("16.2",))
FLAVORS = (("tiny", 512), ("d2.large", 8192), ("d2.medium", 4096))
OFFER = Offer(FLAVORS, (POSTGRES, MYSQL, MARIADB), ("ping",))


def test_roles_come_from_the_offer() -> None:
    profile = choose(OFFER, "cloud", {}, controls=False)
    assert profile.roles() == {
        "flavor": "d2.medium",  # the smallest with a gigabyte
        "datastore": "mysql",  # the most versions
        "version": "8.0.35",  # its default
        "other_version": "8.0.28",
        "other_datastore": "postgresql",  # not a cluster datastore, where there is a choice
        "other_datastore_version": "16.2",  # no default: the first active version
        "cluster_datastore": "mariadb",
        "cluster_version": "10.11",
    }
    assert profile.placeholders()["{other datastore}"] == "postgresql"


def test_the_operator_chooses() -> None:
    wanted = {"flavor": "tiny", "datastore": "postgresql", "cluster_datastore": "none"}
    profile = choose(OFFER, "cloud", wanted, controls=True)
    assert (profile.flavor, profile.datastore, profile.version) == ("tiny", "postgresql", "16.2")
    assert profile.lacking({NEEDS_CLUSTERS, "APP-1"}).startswith("not applicable: needs clusters")
    assert profile.lacking({NEEDS_SECOND_VERSION}) == (
        "not applicable: needs a second version: postgresql on cloud has no active version "
        "besides 16.2"
    )
    assert profile.lacking({SIMULATOR_ONLY, "APP-1"}) is None


def test_module_types_and_controls_are_capabilities() -> None:
    profile = choose(OFFER, "cloud", {}, controls=False)
    assert profile.lacking({"needs-type-new_relic_license"}) == (
        "not applicable: needs the module type new_relic_license: cloud does not offer it "
        "(it offers ping)"
    )
    assert profile.lacking({SIMULATOR_ONLY}).startswith(
        "not applicable: needs simulator controls: cloud offers no virtual clock"
    )


@pytest.mark.parametrize(
    ("wanted", "problem"),
    [
        ({"flavor": "15"}, "flavor '15' is not offered (offered: tiny, d2.large, d2.medium)"),
        ({"datastore": "redis"}, "datastore 'redis' has no active version"),
        ({"version": "5.7"}, "datastore version '5.7' is not an active version of mysql"),
    ],
)
def test_a_choice_the_target_cannot_fill_is_refused(wanted: dict, problem: str) -> None:
    with pytest.raises(ProfileError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        choose(OFFER, "cloud", wanted, controls=False)


def test_a_target_without_a_datastore_is_refused() -> None:
    with pytest.raises(ProfileError, match="no datastore with an active version"):
        choose(Offer(FLAVORS, (), ("ping",)), "cloud", {}, controls=False)


def test_a_profile_file(tmp_path: Path) -> None:
    path = tmp_path / "prod.toml"
    path.write_text('flavor = "d2.medium"\ncluster_datastore = "none"\n')
    assert read_profile_file(path) == {"flavor": "d2.medium", "cluster_datastore": "none"}
    path.write_text('flavour = "x"\n')
    with pytest.raises(ProfileError, match=r"unknown role\(s\) \['flavour'\]"):
        read_profile_file(path)
