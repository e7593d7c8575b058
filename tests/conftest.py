"""Hypothesis settings for the whole suite.

The generated-text tests compare a fast path with its plain form; what they check does not
depend on time. Hypothesis's deadline (200 ms an example) and its `too_slow` health check do:
on a loaded machine (the suite runs on every core, CI hosts are shared) they fail a test whose
examples are all right. Both are off, so a failure means a wrong answer; `print_blob` prints
the line that replays a failing example."""

from hypothesis import HealthCheck, settings


def pytest_configure(config) -> None:
    settings.register_profile(
        "xxgk", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
    )
    settings.load_profile("xxgk")
