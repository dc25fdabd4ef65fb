"""The README documents every CLI command and every option a user can set."""

from __future__ import annotations

from pathlib import Path

import click

from onrecord.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in main.commands if f"onrecord {name}" not in README]
    assert not missing, f"undocumented commands: {missing}"


def test_every_option_is_in_the_readme() -> None:
    missing = []
    for name, command in main.commands.items():
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                longest = max(param.opts, key=len)
                if longest not in ("--help",) and longest not in README:
                    missing.append(f"{name} {longest}")
    assert not missing, f"undocumented options: {missing}"


def test_every_command_help_ends_with_an_example() -> None:
    lacking = [name for name, c in main.commands.items() if "Example:" not in (c.help or "")]
    assert not lacking
