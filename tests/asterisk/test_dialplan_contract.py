"""extensions.conf is well-formed, every jump lands, and it matches what pbx-sim acts out and
what the READMEs promise the dialer (F-40 originate, F-42 AMD, F-43 operator, F-44 inbound, F-45 manual)."""

from __future__ import annotations

import re
from pathlib import Path

from obzvon_pbx_sim.telephony import dialplan as sim_dialplan

from tests.asterisk.confparse import parse
from tests.asterisk.dialplan import KNOWN_APPS, Context, balanced, jump_targets, read_dialplan, target_exists

ROOT = Path(__file__).resolve().parents[2]
ASTERISK = ROOT / "asterisk"
READMES = [ASTERISK / "README.md", ROOT / "services" / "pbx-sim" / "README.md"]


def _dialplan() -> dict[str, Context]:
    conf = parse(ASTERISK / "extensions.conf")
    assert conf.errors == []
    contexts, errors = read_dialplan(conf)
    assert errors == []
    return contexts


def _text() -> str:
    return (ASTERISK / "extensions.conf").read_text(encoding="utf-8")


def test_applications_are_known_and_arguments_balanced() -> None:
    for context in _dialplan().values():
        for steps in context.extensions.values():
            for step in steps:
                assert step.app in KNOWN_APPS, f"{step.where}: unknown application {step.app}"
                assert balanced(step.data), f"{step.where}: unbalanced {step.data}"


def test_every_goto_and_gosub_lands() -> None:
    contexts = _dialplan()
    for context in contexts.values():
        for exten, steps in context.extensions.items():
            for step in steps:
                for target in jump_targets(step):
                    assert target_exists(contexts, context.name, exten, target), f"{step.where}: {target}"
                if step.app == "Dial":
                    for option, name in re.findall(r"\b([bU])\(([^)^]+)", step.data):
                        assert "s" in contexts.get(name, Context(name)).extensions, (
                            f"{step.where}: {option}({name})"
                        )
                if step.app == "Return":
                    assert context.name.endswith(("-answered", "-predial")), (
                        f"{step.where}: Return outside a Gosub"
                    )
        for included in context.includes:
            assert included in contexts


def test_the_simulator_acts_out_these_contexts() -> None:
    contexts = _dialplan()
    assert set(sim_dialplan.CONTEXTS) == set(contexts)
    assert set(contexts[sim_dialplan.ANSWERED].extensions) == {"s", "hold"}
    assert set(contexts[sim_dialplan.OPERATOR].extensions) == {"_X."}
    assert set(contexts[sim_dialplan.INBOUND].extensions) == {"_[+0-9].", "s", "inbound", "reject"}


def test_user_events_match_the_simulator() -> None:
    names = set(re.findall(r"UserEvent\((\w+)", _text()))
    assert names == set(sim_dialplan.USER_EVENTS)


def test_every_user_event_carries_the_attempt_and_project() -> None:
    for body in re.findall(r"UserEvent\((\w+,[^\n]*)\)\s*$", _text(), flags=re.MULTILINE):
        assert "AttemptId: ${OBZVON_ATTEMPT_ID}" in body and "ProjectId: ${OBZVON_PROJECT_ID}" in body, body


def test_the_contract_is_documented() -> None:
    text = _text()
    variables = set(re.findall(r"\bOBZVON_[A-Z_]+\b", text)) - {
        name for name in re.findall(r"^(OBZVON_DEFAULT_[A-Z_]+)\s*=", text, flags=re.MULTILINE)
    }
    contexts = set(_dialplan())
    for readme in READMES:
        doc = readme.read_text(encoding="utf-8")
        missing = {name for name in variables | contexts | set(sim_dialplan.USER_EVENTS) if name not in doc}
        assert missing == set(), f"{readme.relative_to(ROOT)} does not mention {sorted(missing)}"


def test_attempt_and_project_are_inherited_by_the_operator_leg() -> None:
    text = _text()
    for name in ("OBZVON_ATTEMPT_ID", "OBZVON_PROJECT_ID", "OBZVON_AUTO_ANSWER", "OBZVON_OPERATOR"):
        assert f"Set(__{name}=" in text
