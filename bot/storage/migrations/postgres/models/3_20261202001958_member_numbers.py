from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "member_number" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "key" VARCHAR(300) NOT NULL,
    "number" INT NOT NULL,
    "group_id" INT NOT NULL REFERENCES "chat_group" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_member_numb_group_i_3e3361" UNIQUE ("group_id", "key"),
    CONSTRAINT "uid_member_numb_group_i_d26c66" UNIQUE ("group_id", "number")
);
COMMENT ON TABLE "member_number" IS 'A member''s number in a group, as the roster command shows it and commands take it.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "member_number";"""


MODELS_STATE = (
    "eJztXW1z2rgW/isavmwyQ5mEpGlu986dIS1ts5smdxr2trObHUfYAnQxEpXkUGZv//uVZB"
    "u/YANOMRivvuRF0pHMc+Sj86bDX40JdZDLWx1bYEo+IZsyp/Ea/NUgcILkH5n9TdCA02nU"
    "qxoE7LuaAOqRFouG9rlgslV2DqDLkWxyELcZnqqBiqT7hNgc+IRAjBDoUwGgEGgyFchpgh"
    "kWI4AFB9QTNp2gFujJQQxNXThXvygTAHNJKX+4dNhSqzrUlstiMixrAY/grx6yBB0iOSOT"
    "y/zxp2zGxEHfEA//nY6tAUZuElOscdHtlphPdds1Ee/0QPXsfcumrjch0eDpXIwkquFoTI"
    "RqHSKCGJQfQbYJ5iloiee6AStCtP0njYb4jxijcdAAeq5ikKL2HyBqa1jW7V3Puu/2LKux"
    "xLyQIgZ30GRTohgvH5XrTz9Uj/CifXr+6vzy7OL8Ug7Rj7loefXdXzoCxifU8Nz2Gt91Px"
    "TQH6ExjkCFYhnUtxIbgScoG1mfIoWsE5C0wj/SOIeorgI6bNgP0itg7F1/7N73Oh//raaf"
    "cP7V1TB1el3V09at81Tr0cWxaqfyHfbf8MUk4PN17wNQ/4Lf7267Gk3KxZDpFaNxvd8b6p"
    "mgJ6hF6MyCThzIsDlskkMjrg4Z9aaSZw5a5u6bEWTZnE1SpTgsodqApwHDVrA0Ema7eHsm"
    "8JvlIjIUI/XKvHy5gsn/6Xx686Hz6UiOSnHuNuhq+33fE1D74rEIzBHFsyDe4LXZI8anFx"
    "tAfJp+NyKEVVcS4LH8XEXgDcfXb/+etTfA9qydi63qSmI7hXOXwgx4f7m/u82GN0aSPgOw"
    "LcD/gIv50im7rW3c+OfAI74+0vewKzDhLbXsvxq7PxQURInzIAT66GPnS5oHb27urtKCXk"
    "1wlWJIoEkV2e8xkt3Jk8YUEUcBd6BCxUECYncZ5h76lqNQRhQ7RHkP27rX/dJbva0Xqs7N"
    "3e37cHh6ryfhxo60GahAxJ5bYzQvsr0zSLci2fer1ZejlyjTaTCO6fmqoQ/t8Qwyx1rqoW"
    "2aN3a5a9KepFsggUMNnfqQ6hOEVq/nYNElgs0bWTZx1NtcaRGrcRZaDFxrD98RBPRwQAfa"
    "XBVwMkXsBXqSe4hIy1VNCBQXXHAkTdkWR+wJ24i3/KV0z/GyGbyleR/IA3kcQT56VEbx/Y"
    "fOi/bLC0Clja0n1Sv8xIHcKULPShzwOGXoydI0TcApQHI6+VBNIM89xPSfD3L/ukj9CSiT"
    "RjdlDlIPDhidcdBnCI65nt8eyd3XAo/yHXoEEzhGHEjspRTnYPGKCWOiV9BE5+jrMqpXeJ"
    "gLbECwHtlNzqkqQPuPdvvs7FX75Ozi8uX5q1cvL08WGC93rQL76vq9wjshRUMGHIpPZKcG"
    "SJ2cIjs1JKvGyLItSXkyU1bQC+IT1M9OL8XPZFx6O4O6oIVirJLNoVVKThFvUzjeuJq27m"
    "pa2BZF9nqCqIYH48X5Bnv+4jx3y6uuJMxFETbgrgG3Sk6ODwhmx/0Xnc31Lo5ROG6th6MX"
    "2vE/ceBCLgK3xBElSNn7x9pJIEZQgIVTQI3A0tYfMDoJ/AwO4CM648uOju1Pb1wJxpVQTB"
    "idlIvsjj0JRvjXU/hfYT/6lSH6w66Vgr8fG7RW6nfABE36iIE+9aR0FRRAKY65kC2+gO7P"
    "ASQAOhNMwJHQKVjqoYBNJ/ITOMc/A4KUm3noIc6Ro33Oy9K/vGUyToE/fMtU9Srz6U9zKu"
    "zxVNihvVttGXV2crKJX+zkJN8xpvqSZ4DNkMLD6hcCOUlVQ6xLcS+EqBX34CcpjSe/0p58"
    "NJm6dI6QVeg4SFHtTqet/NGQ9jIXgjVOYjANMF3SU1MQL+P7jjKEh+RXNNcwX8tHgsTOct"
    "sHiub7cJ4Dg/d7uIHC1kibYnC20PkS+0p+eu1y8A/Nzv2bzttuI1MkbAHYbmyqmmKbEoXZ"
    "8O7HtHoDPY7yb9TEu5urTCxbDbRcuqGRpZJ8NAk4kkaOtGOIACNp1bjqogsE/6V9wDxy7L"
    "u/BKVjgAYDZIvXwLeE5KZiQg7zGIFudg7R9qbXqUTSWqOPYIzQlIOZJpMjpy4UA8om2gcn"
    "bbDZCLsIYAGYXPYoMPBU2IT73jwYPJVcHMCh3DEPBA6UySc7GOQj4CAbO3EHH1cmHyZTT/"
    "CfwaN8LuFxndEkpyA6OSlIDZWfVH8u+WJ4yHkg8rGAfDrE5MqOcinK/wdQPp7TAvdIXy6K"
    "MqfiQBonojEXqwHsDkLPJkelvKRvc9uhYiFodYQV4UY4vhqsUOvVhhX+QV5E9EQUZQmfJd"
    "neCHSMskAvWwBpLe5Z7qkkpXFPVdo9NcAE89Gz+Jwi3QKjK5a+d+h8rkgAcuGjyDCR4/6L"
    "fPs47jDZJAYZDwW2wFs01QIJhNNwIEXUvAkmkI1l86MTDPAvrrgIPiHGAWTKmLXpUO5yaf"
    "dlxCDLWsYYkdUyIvXvAtpGOH5nusaBJUYkL7eql2KCSMbxk49wkqqOBmX7chOFrn2Zr9Gp"
    "viTWAgu30EZeENQvGb8UgKcSpEIALwjqB/D2r+0sAgEkwxDPxzhFVhLSdZLJ0MWQowwDO9"
    "/bESMxDo+tOzwwt+SHt5cZckWp1CNJjnoXUaV40pdkZTFj0bJb3K/u7m4SuF9dp2s9/Pbx"
    "qitFumaCHIT9EOJyXkEV3UsZm16VZnpCh+peMtlPz9nlB+F2iLPZmzrPZHOS0rC50mwOXR"
    "vP4HOK1HgRq8bnAl7EaEMElwYyTtGrgPLdr5+QC3OqCy7fTzjMl3spuSnx1tC+yiHRGPwg"
    "UB91ssy9VEMO9wVZjZVEgvz4hvrsz1IjjMp03PtZmxle+0U654qUthEU1iJ9dBOn/VDdwS"
    "HIAZoKSGNOJV6FSWIt8KgqQ+jsrRGdJRPI1ONxgEWWk35b02ZeDAqHNjTHHGQuB+3VUR9n"
    "x8YuuBhNHR3J27fcCpZ1+aGCLtUGt5S0uqpFm+qGr1xxgIdFnJsRRTV8m7XKqzOOoOewwl"
    "iOf2vL0b8cYRFP/dqK7Xirp6o3Xjs1sg8Sp11b2QcDUplmduIFzLC20y9ovtGdEAub2t0+"
    "0U8c+GQAEwB9Y7kJoF+POUh0C4pn+DWT1EUt9U/QKAfCMcqxwbe9hLpT9h4/IWXL29Jgl4"
    "TBdbExmquK03pKXV568V1QA8y48K+T6bZAJDT1CroYyAOxR5AMVTUQVZ3a48h5LZ8zeGbf"
    "GaB8B8FSchChferMU4W0k7L5eNOqIk0Qawk4aLwJf9e7Y5Uyw0opNRIJqQ23bURgbu6bag"
    "ilYWqqIRTWjpqFqyHs5yJCXIHP1bMW+v1aNYsvRq7Vsj6Hd96VJqLLVfqxP6VrDBJKxSDU"
    "jMCRUmsczPU3VOriZVLj0N/igcU846s/SlrDFETbv0wyWsq+tJTg3SiCcIykhiiX4pIPJU"
    "4RmOM09cueLwVmv4hLEZAjCgPxRhAfSO6wR8aEzkhZMaTSi2MwxDNvjK3Mh49R7TAfPtQ1"
    "DjYdnqGJ+nxZ3vNc5S1BU5uC3Fuz1ZV2bgUYPSfymUVvEmerFv7MeImKVtZNkZlDeKNDWL"
    "v6LY5QxledrytpEac0KQWVfqe0FHwOlxOEhsmVZvL+yidXTW6aeEElMTXxgnVyqBbVkysm"
    "DTaFdlXxZPkM4Pa3m5t9hWPCNKGMUEwsgyg/DDOLDdqoZnJAEOaHuMgZItYC1wLY1JPABh"
    "WIPcLQE1Ulm1RqyFx2DXUeCSThDLyFvk0xQ9m1k8tZxhSFqlbcJQgCFgy/JKnqVyDKBGEO"
    "1mpmXrHYQDi+hvhuv3YRQ5DTDEO1h77lulBDih3GBcoKCKyySLtfegljdOlSycIgvbm7fR"
    "8OT980SZWKelLhQTtjP+cDHqcxkBeGHHPuFfZvJoiMd7OG3xu2S1WkTn6vwDZ4BpeTlCYs"
    "dAhcLhoVilMZsbmZ2NTfsVTQXEsQ1a5yZCk4O2xuMS9D1V2ZmxGjMrUKCyRnmPCICY9UGl"
    "MTHlknIUx4xIRHssIjHcSwPWpkREeCnuaq4AiMxqyLjeSjamIO1Yo5qC8MwVluxHwNNkZS"
    "Q0dtKRqseqkKIBwMryG6pxsFc05XBHNOl4M5ckWRmbu9sv6SyE7c3kEBpv14MrZWaqlADZ"
    "7tH2bf/w+yZldh"
)
