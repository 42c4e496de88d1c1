from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "notice" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "text" TEXT NOT NULL,
    "sender" VARCHAR(255) NOT NULL,
    "opened_at" TIMESTAMPTZ NOT NULL,
    "deadline" TIMESTAMPTZ NOT NULL,
    "expected" JSONB NOT NULL,
    "reminded" BOOL NOT NULL,
    "reported" BOOL NOT NULL,
    "cause_key" VARCHAR(255) UNIQUE,
    "group_id" INT NOT NULL REFERENCES "chat_group" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_notice_opened__fbf863" ON "notice" ("opened_at");
CREATE INDEX IF NOT EXISTS "idx_notice_deadlin_f7159d" ON "notice" ("deadline");
COMMENT ON TABLE "notice" IS 'A notice an admin posted, open for acknowledgement until `deadline`.';
        CREATE TABLE IF NOT EXISTS "notice_ack" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "member_key" VARCHAR(300) NOT NULL,
    "display" VARCHAR(255) NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    "late" BOOL NOT NULL,
    "text" VARCHAR(64) NOT NULL,
    "notice_id" INT NOT NULL REFERENCES "notice" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_notice_ack_notice__dbd72f" UNIQUE ("notice_id", "member_key")
);
COMMENT ON TABLE "notice_ack" IS 'One expected responder''s acknowledgement of a notice (`late`: after the deadline).';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "notice_ack";
        DROP TABLE IF EXISTS "notice";"""


MODELS_STATE = (
    "eJztXW1z0zoW/iuafKGdKZk2hcLCzs60UKB7od2hucude7njKLGSaONIRpJbMnf573sk27"
    "Gd2Elc4tTx6gs0lo5fniNLeh4dHf/VmnKXeLJ9PlCUs89kwIXbeoX+ajE8JfBHbvkRamHf"
    "T0r1AYX7njHApqYjkqp9qQQchcIh9iSBQy6RA0F9XVGbXN4RMUOhIVJjgvpcIawUmfqKuE"
    "fonqoxokoiHqgBn5I26kIlQXwPz/R/XChEJVjCPx4ftfVVXT6Ay1I2quoCAaPfAuIoPiJw"
    "RgGX+eNPOEyZS74TGf/0J86QEi+LKTW4mOOOmvnm2BVT70xFfe99Z8C9YMqSyv5MjQHVuD"
    "ZlSh8dEUYEhkeAY0oEGloWeF7kihjt8E6TKuEtpmxcMsSBpx2krcMbSI61HOf6puvcXnYd"
    "p7XkvNgiBXd0aMCZdjzcqjRPP9K38LRz8uzFs5enZ89eQhVzm/MjL36El06ACQ0NPNfd1g"
    "9TjhUOaxiME1CxWgb1LWCj6JTkIxtaLCDrRibt+I9FnGNUVwEdH3gcpFfA2L36dHnbPf/0"
    "L336qZTfPAPTefdSl3TM0dnC0YOzQ32cwzscvuHzk6AvV90PSP9Ev99cXxo0uVQjYa6Y1O"
    "v+3tL3hAPFHcbvHeymgYwPx4egauLVkeCBDz5zybJ334yxyPds1mrBwwDVBj6NHLbCpUln"
    "tou3Z4q/Ox5hIzXWr8zz5yuc/O/zz28+nH8+gFoLnruOijph2Y8M1GH3WAbmxOJBEG/w2j"
    "wixidnG0B8svhuJAjroizAE3iuMvDG9ZvXfk87G2B72inEVhdlsfXxzOM4B95/3t5c58Ob"
    "MlkcA+hAof8ij8qlUXZbzbj192HAwvlIP6Ceoky29WX/0dr9oKAhyowHMdAHn85/W/TBm4"
    "83F4sdvT7BxYJDoplUmfaeMtldf9LyCXM1cHvaqbhEYeotw9wl3wsmlInFDlF+hGbdvfyt"
    "u7pZz6c6H2+u38fVF9t6Fm7qAmfgirDBzJmQWZnmnWO6lZ79cWf11cxLNHUaTlLzfH2gjw"
    "eTeyxcZ6mEd3hR3eWiaWe6eAQzPDLQ6YfUTxCz3sCl6pIpMWvlceKk9GglI9b1HDKvuJYP"
    "3zCCTHXEh4auKjz1iXhK7qANMWCu+oRIe8FDB0Bl25KIOzogsh1eypQcLtPgLZ33K/vKem"
    "Msxz1Nim8/nD/tPD9DHDi2Oam5whOJoKUoc1bmop4vyJ1jbI6Q5IjA6eCmjhCMe0SYP79C"
    "+/WI/hNxAaSbC5foG0eC30vUFwRPpDn/YAytr4168A710BRPiESAPfTiEs1fMWUpeg0pui"
    "TfllG9oKNCYCOD9chuMk7VAdq/dTqnpy86x6dnL58/e/Hi+cvjOcbLRavAvrh6r/HO9KKx"
    "A/ZFE9kpAWmSKLJTIlk3R1bNJGFk5qKkChIaNI+nV6IzWUlvZ1CXZCiWlWwOrZ7klFGb4v"
    "pWatq61DTnFmXaesaogQPj2bMN2vzZs8Imr4uyMJdF2IK7Btw6iRwfCM5f958XHq2XOMZx"
    "vbUKRzfm8U8k8rBUkSxxwBnRfP/QiARqjBWaiwK6BgWuPxR8GukMLpJjfi+XhY7tn95KCV"
    "ZKKNcZHVeL7I6VBNv5N7Pzv6Dh6ldO1x8Xrez4+6lKa3v9czQl0z4RqM8D6F0VRxi6Y6ng"
    "SNhB92cIM4TdKWXoQJkQLH1TaMCn8ATu4WvEiJaZRwGRkrhGc17u/au7TM4o8EfITHWppk"
    "9/2lHhEUeFHfLdevdRp8fHm+hix8fFwpguy44BA0E0Hk6/FMhZqwZiXYm8EKNWXsHPWlol"
    "v9ZKPpn6Hp8R4pQaDhasdjenrf3QsKgyl4I1bWIxjTBdmqcuQLyM7zsuCB2xX8jMwHwFt4"
    "TZIE+2jyaa7+Pz7Bm8P+IGFB9NZlMC38/nfJl2BU9vJIdw0Dy/fXP+9rKV2yVsAdjL1Kka"
    "iu1CV5gP7+NQqzc4kKR4R026+GgVxRroio7HNyRZOsjHmKADIDnAY5hCY2A1nt7ogtF/eB"
    "+JgB2G8pfifILIcEgG6hUKmRA0KqGgWiAY9vJjiLZ3ehNKBGyN99CEEF+ie2MGNX0PqyEX"
    "U6PBAQe7H1OPIKqQgMseRARPL5vIUM3D0V3BxREeQYv5yvBQUz4oEFiOkUsG1E0LfFJTPs"
    "r8QMnXqAf3pQJpIprgFMwEJ0WhofCk5rngxQiI+5XBbSG4OyLgyq6WFOH3EMPtuW10S8zm"
    "oiRyKg2kFREtXawHsDtYerYxKtUFfdvdDjVbgtZDWBlvxPXr4Qp9vca4IhzIy3Q9iUVVnc"
    "9S396K5hhVgV51B2RmcQ+Sp7KWVp6qtTw1pIzK8YP8vGC6BUfXLHxv3/1ckwXIuUaRQ5HT"
    "+kUxP04LJpusQaaXAtvoLfFNh4Ti00gEXdTsCE2xmMDhnhtVCDeueATfESERFprMDvgIWj"
    "nwvpw1yKouY0lkvUik+b/EbCOuv7O5xp4FRmQ3t+qXYkpYzvBTjHDWqomEsvNykwld52Xx"
    "jE6XZbFWVHmlGvLcoHnB+JUA7ANIpQCeGzQP4O1v25kvBLAcIl6M8YJZRUg3qU/GHsWS5B"
    "DsYrUjZWIFj60LHlQ68PCDZYdccA7zSFYwvUusFnzSB7OqnDE/slvcL25uPmZwv7hazPXw"
    "66eLS+jSjROgEg2XEJfjCuooL+U0ep2a6Y7sq7xko58e0sr3QnZIuznw3Qe6OWtp3VxrN8"
    "fSxgP8vGBqVcS6+bmEipg0iGjTQM4oehFZvvvlM/FwQXbB5f0J+/lyLwU3Zd4a3tcxJAaD"
    "nwTqkwmWuYVpyP6+IKuxAiTYzzeoL+FZGoRRlcJ9GLWZo9rPwzlXhLSNsXLm4aObiPYjvQ"
    "eHERcZKwRkTgdexUFibdTTmSFM9NaY32cDyPTtSURVnki/rdPmbgyKq7aMx1xiNwc9qlCf"
    "dsfGElzKpolC8vaZW8m0Lj+V0KXe4FYSVle31aam4QtXHNJRGXEzsaiHttmouDorBD3EFZ"
    "Y5/l8zx3BzxE5J417ixLjSWzR+Dqdrc5KmQrRrYr03IFXJrNOvXg6/Xngzi1l22A84cl5z"
    "Lc/+Eu++0t9HMomTQhVK58AYGmocbbyCXzjizAc+/HapNN9KMmk0uEAmnzRVs5wk1BVdw6"
    "bmqDf7tqk5qkzNEb0bZRBOmTQQ5UrIYdzjlIE5bdO8OK5KYA63E5cBObGwEG8E8Z5EsQRs"
    "ApSRVaVmVL5NEyhybuzyysislNUOI7PiucbeBmYJMtXPl8d7CydvGZvGpIbcWg4dPTt3Io"
    "weosHl2dsQjroJcTkvUdkcbwtmdhDeaBAeUgHvhyQk56Ob6zZXpi2tuF3rd8r0gg/xcsbQ"
    "OrnWTn68RH516zdtHr9aYrq03Gbz+DUxj1/NeoNNoV2Vxg/uAV3/+vHjY+Xxi1b4clZikr"
    "W/4kUYltTZIMwxrJ1kJ9fDlE6sx33CkM47B08EQ5BH3BHRG5xRwBT1dPYA7HqUkV5ekOPP"
    "n9Sk6SPffTLQGQrCtHtxPj+fGwaNhvS7SdMH56QK3WMZXWeerG9CZkeZRZyjryz2O6Ku+U"
    "6oPnz4GvViQtELvx4qiM9NcgSTDEG45tpj7A2f6qkPimm8qQxF+lOi4a2j0DLKEBhnH2SE"
    "6jUiXUgwPAnTCf24JOaZpjbLQg2XjxT5niM/FH/kOq7fiKWNVRPlKj5yLYl+m0qpw3OLRg"
    "C+A/KvO98HiWoZw92wwl12JE0ihfEoVNbFaTvr4Tp7OJ4TLXu4OGA4bVOPkOFGpUOIp44l"
    "V93SZjYhQql1t3BuXhrvxMziXQLvMB18yXCqjJH9vu8G8zOrO1rdsSbi2HrdcZOtE1C8lV"
    "D388GkQVhXGsidAFYoHkZortMPHRzV2+jzH/EMM5Hnnsglkc+EV0fS4EFPf8+i9wqFn8zQ"
    "6lrMQXIiuKu5RG4Ad6KeRsHsNpD7sZW4lCNKTECyVg0UiWxY995O9cprcHZT6R5oM1607a"
    "kEKY1NLCEtQUjzl2ZW5A3e+dJMqyptq+pcq9Hkr9Q8JmNjaeh6GprMMX+ShzZuK/DRAhHN"
    "NK06fWox3mCcQ7NSe4+LSdZ9qtJGDCsyQJQZJmMoj2ijK4UGPABUo88VBkyQO66/76AjE2"
    "ZQNDLcB7P4DLINTIoKks+yqrmMjW2wjKqOC4OWUDWEUImg3PbNuH4D8d3+hw4EwZLn7CUo"
    "joVKLBow5d51LBS50zu48+aHxYCnbSzkpSGnUgalt6BljOwGtM2S3e1VdjUbo/TQPZ2GGz"
    "zAy1lLu3N3H7xcduNu2sp2m5t1m/WIwKkTWasEZ1fMHBHkTHVXavgpKyvjl5Dx7Q5Wu4O1"
    "1pjaSLJ1PYTdwWp3sOYtj5wTQQfjVs7qSFRytGpxBCd11q2NFKNq1xzqteagvy5O82TE4h"
    "lsyqSBQm01kUV+zqhUjHBUvYHonmy0mHOyYjHnZHkxB66octPrrfxYg8rPrbeDrVePo2Rs"
    "bZPV0vxrl4PZj/8BdeMWmQ=="
)
