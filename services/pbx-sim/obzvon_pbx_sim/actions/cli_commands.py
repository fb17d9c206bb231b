"""The few CLI commands the product sends through the Command action."""

from __future__ import annotations

import re

from obzvon_pbx_sim.actions.context import ActionContext

VERSION = "Asterisk 20.20.1 built by obzvon @ pbx-sim on a x86_64 running Linux"
MODULE_RELOAD = re.compile(r"^module\s+reload\s+(\S+)$")


def run_command(ctx: ActionContext, command: str) -> tuple[bool, list[str]]:
    """(succeeded, output lines) for a CLI command."""
    text = " ".join(command.split()).lower()
    if not text:
        return False, ["No such command '' (type 'core show help ' for other possible commands)"]
    if text == "core show version":
        return True, [VERSION]
    if text in ("pjsip reload", "module reload res_pjsip.so"):
        ctx.clock.last_reload = ctx.clock.epoch()
        return True, ["Module 'res_pjsip.so' reloaded successfully."]
    if text == "dialplan reload":
        ctx.clock.last_reload = ctx.clock.epoch()
        return True, ["Dialplan reloaded."]
    if text == "moh reload":
        return True, ["Module 'res_musiconhold.so' reloaded successfully."]
    match = MODULE_RELOAD.match(text)
    if match:
        return True, [f"Module '{match.group(1)}' reloaded successfully."]
    if text in ("core show channels count", "core show channels"):
        count = len(ctx.engine.channels)
        return True, [f"{count} active channel{'s' if count != 1 else ''}", f"{count} active calls"]
    return False, [
        f"No such command '{command}' (type 'core show help {command}' for other possible commands)"
    ]
