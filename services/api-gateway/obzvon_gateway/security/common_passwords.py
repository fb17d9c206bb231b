"""A small offline list of the most common passwords (lower case), refused for new passwords."""

_LIST = """
    123456 123456789 12345678 1234567890 1234567 12345 1234 111111 11111111 000000 00000000 123123
    123321 654321 666666 696969 777777 7777777 121212 112233 11223344 555555 88888888 87654321
    987654321 999999999 147258369 123654789 12341234 159753 131313 1q2w3e 1q2w3e4r 1q2w3e4r5t
    1qaz2wsx 1qaz2wsx3edc 12qwaszx zaq12wsx q1w2e3r4 q1w2e3r4t5 q1w2e3r4t5y6 qazwsx 123qwe
    qwe123 qwerty qwerty1 qwerty12 qwerty123 qwertyui qwertyuiop qwer1234 1234qwer asdf1234
    abcd1234 abc123 abc12345 asdfgh asdfghjk asdfghjkl zxcvbn zxcvbnm 123456a a123456 aaaaaa
    password password1 password12 password123 passw0rd p@ssw0rd p@ssword pass1234 passpass
    admin admin123 admin1234 administrator root toor guest user1234 test1234 testtest changeme
    default secret welcome welcome1 welcome123 letmein letmein1 iloveyou iloveyou1 trustno1
    sunshine sunshine1 princess princess1 football football1 baseball monkey monkey123 dragon
    dragon123 master shadow superman batman michael jennifer jordan hunter buster soccer harley
    andrew tigger charlie robert thomas hockey ranger daniel starwars george computer michelle
    jessica pepper freedom maggie ginger joshua cheese amanda summer ashley nicole chelsea
    matthew access yankees dallas austin thunder taylor matrix killer mustang klaster
    russia moscow москва пароль йцукен йцукенг йцукенгш qwerty2024 qwerty2025 callcenter
    obzvon obzvon123 operator operator1 supervisor
"""

COMMON_PASSWORDS: frozenset[str] = frozenset(_LIST.split())
