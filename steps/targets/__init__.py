"""Targets: what the steps talk to. ``base`` defines the protocol; ``inprocess`` drives the
embedded simulator, ``http`` any Trove endpoint through python-troveclient."""
