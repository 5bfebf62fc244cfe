"""Every `handbook` command explains itself with --help."""

import pytest

from conftest import run_handbook


@pytest.mark.parametrize("command", [[], ["check"], ["schema"]], ids=lambda c: " ".join(c) or "top")
def test_every_command_has_help(command):
    result = run_handbook(*command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: handbook")


def test_unknown_command_is_a_usage_error_not_a_traceback():
    result = run_handbook("chekc")
    assert result.returncode == 2
    assert "invalid choice: 'chekc'" in result.stderr
    assert "Traceback" not in result.stderr
