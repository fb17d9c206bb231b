"""Password hashing parameters and the password policy (F-01; ASVS 6.2, 11.4.2)."""

import pytest
from argon2 import extract_parameters
from argon2.low_level import Type
from obzvon_gateway.security.passwords import check_password_policy, production_hasher
from obzvon_platform.problem import Problem


async def test_production_hashes_are_argon2id_above_the_asvs_floor() -> None:
    hasher = production_hasher()
    password_hash = await hasher.hash("a long and unusual passphrase")
    params = extract_parameters(password_hash)
    assert params.type is Type.ID
    assert params.time_cost >= 2
    assert params.memory_cost >= 19 * 1024
    assert params.parallelism >= 1
    assert await hasher.verify("a long and unusual passphrase", password_hash)
    assert not await hasher.verify("a long and unusual passphrasE", password_hash)


@pytest.mark.parametrize("password", ["Password1", "qwerty123", "12345678", "P@ssw0rd", "йцукенгш"])
def test_common_passwords_are_refused(password: str) -> None:
    with pytest.raises(Problem) as refused:
        check_password_policy(password)
    assert refused.value.code == "password_too_common"


def test_short_and_overlong_passwords_are_refused() -> None:
    with pytest.raises(Problem) as short:
        check_password_policy("a7$kq1!")
    assert short.value.code == "password_too_short"
    with pytest.raises(Problem) as long:
        check_password_policy("x" * 129)
    assert long.value.code == "password_too_long"


@pytest.mark.parametrize(
    "password", ["x" * 64 + " a passphrase of sixty-four and more characters", "8charsOK", "пароль для входа"]
)
def test_long_passphrases_and_plain_words_without_composition_rules_are_accepted(password: str) -> None:
    check_password_policy(password)
