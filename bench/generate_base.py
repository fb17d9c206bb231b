"""A synthetic contact base for the import benchmark: ``python -m bench.generate_base ROWS PATH``.

Columns of the manual's template (phone, full_name, birth_date, position, city, description) plus a
custom «Источник»; seven columns keep the 1M-row file under the 50 MB upload cap. Phones come in the
formats real bases use (``8 (9xx) …``, ``+7 9xx …``, bare digits, Excel numbers); about 1 % repeat an
earlier number and 0.5 % are bad.
Written like a workbook saved by Excel: strings in the shared-string table (``constant_memory`` mode
would write inline strings, whose XML inflates past the 300 MB upload cap at a million rows) and no
cells for empty values. It runs in its own process, so its memory is not the import's.
"""

import datetime as dt
import random
import sys
from pathlib import Path

import xlsxwriter

HEADER = ["Телефон", "ФИО", "Дата рождения", "Должность", "Город", "Описание", "Источник"]
FIRST = ["Иван", "Пётр", "Анна", "Ольга", "Сергей", "Мария", "Алексей", "Елена", "Дмитрий", "Наталья"]
LAST = ["Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков"]
CITIES = ["Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань", "Нижний Новгород", "Самара"]
POSITIONS = ["менеджер", "инженер", "бухгалтер", "директор", "продавец", "врач", "учитель"]
BAD = ["", "+7", "112", "79161234567;79161234568", "8916123456О", "+380501234567", "=1+1", "доб. 5"]


def phone_cell(national: int, rng: random.Random) -> object:
    digits = f"{national:010d}"
    style = rng.randrange(5)
    if style == 0:
        return f"8 ({digits[:3]}) {digits[3:6]}-{digits[6:8]}-{digits[8:]}"
    if style == 1:
        return f"+7 {digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}"
    if style == 2:
        return f"7{digits}"
    if style == 3:
        return float(f"7{digits}")
    return digits


def generate(rows: int, path: Path, seed: int = 20261122) -> None:
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    workbook = xlsxwriter.Workbook(str(partial), {"strings_to_numbers": False})
    sheet = workbook.add_worksheet("База")
    date_format = workbook.add_format({"num_format": "dd.mm.yyyy"})
    for col, title in enumerate(HEADER):
        sheet.write_string(0, col, title)
    nationals = rng.sample(range(9_000_000_000, 9_999_999_999), rows)
    for row in range(1, rows + 1):
        roll = rng.random()
        if roll < 0.005:
            sheet.write_string(row, 0, rng.choice(BAD))
        else:
            national = nationals[rng.randrange(row)] if roll < 0.015 and row > 1 else nationals[row - 1]
            cell = phone_cell(national, rng)
            if isinstance(cell, float):
                sheet.write_number(row, 0, cell)
            else:
                sheet.write_string(row, 0, cell)
        sheet.write_string(row, 1, f"{rng.choice(LAST)} {rng.choice(FIRST)}")
        sheet.write_datetime(row, 2, dt.date(1950 + row % 50, 1 + row % 12, 1 + row % 28), date_format)
        sheet.write_string(row, 3, rng.choice(POSITIONS))
        sheet.write_string(row, 4, rng.choice(CITIES))
        if row % 3:
            sheet.write_string(row, 5, "Интересовался тарифом")
        sheet.write_string(row, 6, "сайт" if row % 2 else "выставка")
    workbook.close()
    partial.replace(path)


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
