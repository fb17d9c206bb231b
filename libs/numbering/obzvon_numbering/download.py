"""Downloading the official registry files from the Минцифры open-data portal.

Source: «Российская система и план нумерации», https://opendata.digital.gov.ru/registry/numeric/downloads
(licence https://opendata.digital.gov.ru/terms/: free use with a link to the source). The portal answers
only Russian IP addresses (HTTP 403 elsewhere).
"""

from pathlib import Path

import httpx

OFFICIAL_BASE_URL = "https://opendata.digital.gov.ru/downloads/"
OFFICIAL_FILES = ("ABC-3xx.csv", "ABC-4xx.csv", "ABC-8xx.csv", "DEF-9xx.csv")
SOURCE_PAGE = "https://opendata.digital.gov.ru/registry/numeric/downloads"
_EXPECTED_HEADER_WORD = "От".encode()


class RegistryUnavailable(RuntimeError):
    """The portal could not be reached or did not return a registry file."""


def download_registry(
    dest: Path,
    *,
    base_url: str = OFFICIAL_BASE_URL,
    files: tuple[str, ...] = OFFICIAL_FILES,
    timeout: float = 60.0,
) -> list[Path]:
    """Download ``files`` into ``dest`` (each written to a temporary name, renamed when complete).

    Raises :class:`RegistryUnavailable` with a message a person can act on.
    """
    dest.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    with httpx.Client(timeout=timeout, follow_redirects=True) as client:
        for name in files:
            url = base_url.rstrip("/") + "/" + name
            target = dest / name
            partial = dest / f".{name}.part"
            try:
                with client.stream("GET", url) as response:
                    if response.status_code != 200:
                        hint = (
                            " (the portal answers only Russian IP addresses)"
                            if response.status_code == 403
                            else ""
                        )
                        raise RegistryUnavailable(f"{url}: HTTP {response.status_code}{hint}")
                    with partial.open("wb") as out:
                        for chunk in response.iter_bytes():
                            out.write(chunk)
            except httpx.HTTPError as exc:
                partial.unlink(missing_ok=True)
                raise RegistryUnavailable(f"{url}: {type(exc).__name__}: {exc or 'no answer'}") from exc
            except RegistryUnavailable:
                partial.unlink(missing_ok=True)
                raise
            with partial.open("rb") as check:
                if _EXPECTED_HEADER_WORD not in check.readline():
                    partial.unlink(missing_ok=True)
                    raise RegistryUnavailable(f"{url}: the answer is not a registry CSV file")
            partial.replace(target)
            saved.append(target)
    return saved
