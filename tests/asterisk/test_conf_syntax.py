"""Every file in asterisk/ parses, and PJSIP / manager / media settings are coherent (F-13, F-42, F-47)."""

from __future__ import annotations

from pathlib import Path

import pytest
from obzvon_pbx_sim.config import DEFAULT_CHANNEL_VARS

from tests.asterisk.confparse import Conf, parse

ASTERISK = Path(__file__).resolve().parents[2] / "asterisk"
CONF_FILES = sorted(ASTERISK.glob("*.conf"))
EXAMPLES = sorted(ASTERISK.glob("*.conf.example"))

PJSIP_KEYS = {
    "global": {"type", "user_agent", "endpoint_identifier_order"},
    "transport": {
        "type", "protocol", "bind", "external_media_address", "external_signaling_address", "local_net",
    },
    "endpoint": {
        "type", "transport", "context", "disallow", "allow", "dtmf_mode", "direct_media", "rtp_symmetric",
        "force_rport", "rewrite_contact", "send_rpid", "send_pai", "language", "aors", "auth",
        "outbound_auth", "from_user", "from_domain", "set_var", "callerid", "trust_id_inbound",
        "trust_id_outbound",
    },
    "aor": {"type", "contact", "max_contacts", "remove_existing", "qualify_frequency"},
    "auth": {"type", "auth_type", "username", "password"},
    "registration": {
        "type", "transport", "outbound_auth", "server_uri", "client_uri", "retry_interval",
        "forbidden_retry_interval", "expiration", "line", "endpoint", "contact_user",
    },
    "identify": {"type", "endpoint", "match"},
}  # fmt: skip
REFERENCES = {
    "endpoint": [("transport", "transport"), ("aor", "aors"), ("auth", "auth"), ("auth", "outbound_auth")],
    "registration": [("transport", "transport"), ("auth", "outbound_auth"), ("endpoint", "endpoint")],
    "identify": [("endpoint", "endpoint")],
}
AMD_KEYS = {
    "initial_silence", "greeting", "after_greeting_silence", "total_analysis_time", "min_word_length",
    "between_words_silence", "maximum_number_of_words", "silence_threshold", "maximum_word_length",
}  # fmt: skip


def _conf(name: str) -> Conf:
    conf = parse(ASTERISK / name)
    assert conf.errors == []
    return conf


@pytest.mark.parametrize("path", CONF_FILES, ids=lambda path: path.name)
def test_every_file_parses(path: Path) -> None:
    assert parse(path).errors == []


def test_every_generated_file_example_is_included_somewhere() -> None:
    included = {file.name for path in CONF_FILES for file in parse(path).files}
    assert {path.name for path in EXAMPLES} <= included


def test_expected_files_are_present() -> None:
    names = {path.name for path in CONF_FILES}
    assert {"manager.conf", "pjsip.conf", "extensions.conf", "musiconhold.conf", "amd.conf"} <= names
    assert (ASTERISK / "README.md").is_file()


def _objects(conf: Conf) -> dict[tuple[str, str], list[str]]:
    """(type, name) → where, for every PJSIP object (templates excluded)."""
    objects: dict[tuple[str, str], list[str]] = {}
    for section in conf.objects():
        objects.setdefault((section.get("type") or "", section.name), []).append(section.where)
    return objects


def test_pjsip_objects_have_known_types_and_options() -> None:
    conf = _conf("pjsip.conf")
    assert any(path.name == "pjsip_obzvon_trunks.conf.example" for path in conf.files)
    for section in conf.sections:
        kind = section.get("type")
        assert kind in PJSIP_KEYS, f"{section.where}: [{section.name}] has type {kind!r}"
        unknown = {item.key for item in section.items} - PJSIP_KEYS[kind]
        assert not unknown, f"{section.where}: unknown {kind} options {unknown}"
    duplicates = {key: where for key, where in _objects(conf).items() if len(where) > 1}
    assert duplicates == {}


def test_pjsip_references_resolve() -> None:
    conf = _conf("pjsip.conf")
    objects = _objects(conf)

    def exists(kind: str, name: str) -> bool:
        return (kind, name.strip()) in objects

    for section in conf.objects():
        kind = section.get("type")
        refs = {
            "endpoint": [
                ("transport", "transport"),
                ("aor", "aors"),
                ("auth", "auth"),
                ("auth", "outbound_auth"),
            ],
            "registration": [("transport", "transport"), ("auth", "outbound_auth"), ("endpoint", "endpoint")],
            "identify": [("endpoint", "endpoint")],
        }.get(kind or "", [])
        for target, key in refs:
            for value in section.get_all(key):
                for name in value.split(","):
                    assert exists(target, name), f"{section.where}: {key}={name} is not a {target}"
        if kind == "identify":
            assert section.get("match"), f"{section.where}: identify without match"
        if kind == "auth":
            assert section.get("auth_type") == "userpass" and section.get("username")


def test_templates_carry_the_contexts_the_dialplan_defines() -> None:
    pjsip = _conf("pjsip.conf")
    contexts = {section.name for section in _conf("extensions.conf").sections}
    used = {section.get("context") for section in pjsip.sections if section.get("context")}
    assert used == {"obzvon-inbound", "obzvon-phones"}
    assert used <= contexts


def test_manager_is_loopback_only_with_minimum_rights() -> None:
    conf = _conf("manager.conf")
    general = conf.named("general")[0]
    assert general.get("bindaddr") == "127.0.0.1"
    assert general.get("timestampevents") == "yes"
    assert general.get("webenabled") == "no"
    assert tuple((general.get("channelvars") or "").split(",")) == DEFAULT_CHANNEL_VARS
    template = conf.named("obzvon-ami")[0]
    assert template.is_template
    assert template.get_all("deny") == ["0.0.0.0/0.0.0.0"]
    assert template.get_all("permit") == ["127.0.0.1/255.255.255.255"]
    assert set((template.get("read") or "").split(",")) == {"system", "call", "user"}
    assert set((template.get("write") or "").split(",")) == {"system", "call", "user", "originate", "command"}
    users = [section for section in conf.objects() if section.name != "general"]
    assert [user.name for user in users] == ["obzvon"]  # from the .example
    assert users[0].get("secret") == ""  # no usable password is ever committed
    assert users[0].templates == ["obzvon-ami"]


def test_media_settings() -> None:
    amd = _conf("amd.conf").named("general")[0]
    assert {item.key for item in amd.items} == AMD_KEYS
    assert all(item.value.isdigit() for item in amd.items)
    moh = _conf("musiconhold.conf")
    assert moh.named("default")[0].get("mode") == "files"
    rtp = _conf("rtp.conf").named("general")[0]
    assert 1024 < int(rtp.get("rtpstart") or 0) < int(rtp.get("rtpend") or 0) <= 65535
