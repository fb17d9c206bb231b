"""Russian phone numbers (F-32): normalisation and the numbering plan (region, IANA zone, carrier).

- :func:`normalize_phone` turns any cell value into ``7NNNNNNNNNN`` or a :class:`PhoneError`.
- :func:`is_emergency_or_service` / :func:`is_premium` flag numbers that must never be dialled.
- :class:`NumberingIndex` answers number → :class:`NumberInfo` from the registry ranges, in memory.
- :mod:`obzvon_numbering.store` loads the ``numbering_ranges`` table (COPY) and reads it back;
  :mod:`obzvon_numbering.download` fetches the official files.
"""

from obzvon_numbering.index import NumberInfo, NumberingIndex
from obzvon_numbering.phone_errors import PhoneError, PhoneErrorCode
from obzvon_numbering.phones import normalize_phone
from obzvon_numbering.regions import utc_offset
from obzvon_numbering.service_numbers import is_emergency, is_emergency_or_service, is_premium

__all__ = [
    "NumberInfo",
    "NumberingIndex",
    "PhoneError",
    "PhoneErrorCode",
    "is_emergency",
    "is_emergency_or_service",
    "is_premium",
    "normalize_phone",
    "utc_offset",
]
