from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "employee" ADD "telegram_id" VARCHAR(64);
        ALTER TABLE "employee" ADD "wechat_id" VARCHAR(64);
        CREATE INDEX "idx_employee_telegra_02c756" ON "employee" ("telegram_id");
        CREATE INDEX "idx_employee_wechat__97baa7" ON "employee" ("wechat_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_employee_wechat__97baa7";
        DROP INDEX IF EXISTS "idx_employee_telegra_02c756";
        ALTER TABLE "employee" DROP COLUMN "telegram_id";
        ALTER TABLE "employee" DROP COLUMN "wechat_id";"""


MODELS_STATE = (
    "eJztXW1v2zgS/iuEv2wKpEbipElu93CA07ptbtPk0HivxW4XCi3RNi8SqZJUXGOv//1ISr"
    "JeLNlWajmyjl/amJyhqGfIIeeF1F8djzrI5d2+LTAlH5FNmdP5GfzVIdBD8o/C+kPQgb6f"
    "1KoCAUeuZoCa0mIJ6YgLJktl5Ri6HMkiB3GbYV8RKpbBI2JzEDICMUVgRAWAQiDPF8g5BD"
    "MspgALDmggbOqhLhhKIoZ8F87Vf5QJgLnklP+4dNJVT3WoLR+LyaSuBwQEfw2QJegEyRaZ"
    "fMwff8piTBz0DfH4p/9gjTFys5hijYsut8Tc12VXRLzVhKrvI8umbuCRhNifi6lENabGRK"
    "jSCSKIQfkKskywQEFLAteNRBGjHfY0IQm7mOJx0BgGrhKQ4g47kJR1LOvmdmjdDYaW1VkS"
    "XsyRgjsqsilRgpdd5frtJ6oLL3vHp+enFydnpxeSRHdzUXL+PXx0AkzIqOG5GXa+63ooYE"
    "ihMU5AhWIZ1DcSG4E9VIxsyJFD1olYuvEfeZxjVFcBHRc8D9IrYBxefRjcDfsf/qWa9zj/"
    "6mqY+sOBqunp0nmu9ODshSqncg6HM3zRCPh0NXwP1E/w++3NQKNJuZgw/cSEbvh7R/UJBo"
    "JahM4s6KSBjIvjIkmaSHXCaOBLmTloWbqvp5AVSzbLlZOwhGoDmUYCWyHSRJntYvZ48Jvl"
    "IjIRUzVlXr1aIeR/9z++ft//eCCpcpK7iap6Yd33DNSheqwCc8LxJIg3mDbPiPHx2QYQH+"
    "fnRoKwqsoC/CDfqwq8MX37xu9JbwNsT3ql2KqqLLY+nLsUFsD7z7vbm2J4Uyz5NQDbAvwX"
    "uJgvrbLbGsadv48DEu5HRgF2BSa8qx77j87uFwUFUWY9iIE++ND/nJfB6+vby7yiVw1c5g"
    "QS7aSqjPcUy+70ScdHxFHA7alScZCA2F2GeYi+lWwoE44dovwMw3o4+DxcPawXW53r25t3"
    "MXl+rGfhxo60GahAxJ5bD2heZXgXsG5Fsz/vrr6efYkyncYPqX2+KhhB+2EGmWMt1dAeLa"
    "NdrvJ6Xr4EEjjR0KmXVG8QW72Bg8WACDbvFNnESe3hSotY0VloQbjWHr4lCGhyQMfaXBXQ"
    "8xF7iR7lGCLSclUNAiUFFxxIU7bLEXvENuLd8FG65sWyGbyldr+QL+R+Cvn0XhnFd+/7L3"
    "uvzgCVNrZuVD/hJw7kSBG6VeKAe5+hR0vzHAJOAZLNyU4dArnuIab//CLHr4vUn4AyaXRT"
    "5iDVccDojIMRQ/CB6/btqRx9XXAv59A98OAD4kBiL7U4B4spJoyJ3kATnaOvy6he4kkpsB"
    "HDemQ3WaeaAO3fer2Tk/Pe0cnZxavT8/NXF0cLjJerVoF9efVO4Z3RorEA9sUnslMDpE1O"
    "kZ0akk0TZN2WpFyZKavoBQkZ2men1+JnMi69nUFd0UIxVsnm0KpNThVvU0xvXE1bdzUtbI"
    "sqYz3D1MKF8ex0gzF/dlo65FVVFuaqCBtw14DbJCfHewSL4/6LysP1Lo5pTLfWwzGM7fif"
    "OHAhF5Fb4oASpOz9F9pJIKZQgIVTQFFgaeuPGfUiP4MD+JTO+LKjY/vNG1eCcSVUU0ZH9S"
    "K7Y0+CUf7tVP6XOIx+Faj+uGql4h+liNZq/T7wkDdCDIxoILWroABKdcyFLAkV9GgOIAHQ"
    "8TABB0KnYKlOAZt68g2cF78AgpSbeRIgzpGjfc7L2r++xxSsAn+ElqmqVebTn2ZVeMZVYY"
    "f2brN11MnR0SZ+saOjcseYqsuuATZDCg9rVAnkLFcLsa7FvRCjVt2Dn+U0nvxGe/KR57t0"
    "jpBVaTnIce1uT9v4pSHvZa4Ea5rFYBphurRPzUG8jO9byhCekF/RXMN8JbsEiV3kto82mu"
    "/idvYM3u/xAIpLk90Ug7PFni8zruTba5dDuGj271733ww6hSphC8AOUk21FNucKiyG93lM"
    "q9cw4Kj8RE26+nCViWUrQsulGxpZKslHs4ADaeRIO4YIMJVWjasOukDwHzoCLCAvQveXoP"
    "QBoPEY2eJnEFpCclAxIckCRqBbnEO0veZ1KpG01ug9eEDI52Cm2SSl70IxpszTPjhpg82m"
    "2EUAC8DkYw8iA0+FTXjozYNRr+TDAZzIEfOFwLEy+WQFg3wKHGRjJ+3g48rkw8QPBP8F3M"
    "t+iYDrjCbZBNHJSVFqqHxT/V5yYgTI+UJkt4DsHWLyyY5yKcrfYyi753TBHdKHi5LMqTSQ"
    "xolozMVmALuD0LPJUakv6ducdmhYCFotYVWkEdM3QxTqea0RRbiQV1E9CUddymdJt3eiPU"
    "ZdoNetgPQu7knuqSyncU812j01xgTz6ZPknGPdgqAblr6373JuSABy4aMoMJHT/oty+zjt"
    "MNkkBpkOBXbBG+RrhQTiZjiQKmp+CDzIHmTxvRMRhAdXXAQfEeMAMmXM2nQiR7m0+wpikH"
    "U9xhiRzTIi9f8Vdhsx/c72GnuWGJE93KomhYdIwfJTjnCWq40GZe9ikw1d76J8R6fqslgL"
    "LNxKA3nB0L5k/FoA9iVIlQBeMLQP4O0f21kEAkiBIV6OcY6tJqTbpJOhiyFHBQZ2ubcjxW"
    "IcHlt3eGBuyZe3lwVySancR5KS7V3ClZPJSLLVJYxFyW5xv7y9vc7gfnmVv+vhtw+XA6nS"
    "tRAkEQ5DiMt5BU10LxUMenU10yPaV/fSDNlTKAqzN8pxzjAZRb5WkQvkogmDXkWYc2wG6L"
    "VAm1y+p+jsvXCipcUc+M4TxZzlNGJutJhjR90T5JxjNT7xpsm5gk88GRDREZiCPeFlxPn2"
    "14/IhSV3ZS6fttnPyb2UqpeZNXSkMqI0Bj8I1Aed+nUnN9X7O0FWYyWRID8+oD6FrbQIoz"
    "rDUGEOckEMapGcvCJBU5kdi2ToTUJQE3WijCAHaC5ACVBphHHKYxfcq3tOdC7ilM6y6ZCq"
    "exxgURRy2lazhcfcYtKOlpiDzFG3Zw07pcWxsUM5xdPGsMjW/RBVLyn6oeuJmg1uLUmiTY"
    "udtg1f+cQxnlRx1ScczfDUtypL1DiCniIKYzn+X1uO4VGfnRqNe4nTrq3GvQGpTrMxPa4K"
    "jMfcsCs3IcNBbvEF5Voj8lN8UE59ykrfcRW6WNR1JWNt90Vn5OQvGBmEB7787WCuP2ulbz"
    "yhDOirv7GYF9wXXtMzzC0qzTYtzS0qdd6iEs2NKginWFqIci2WT6xxqsCc5mlfyl0tMIcn"
    "v6uAnHAYiDeCeE8SjgLyIO0hUpepXvuJWmn/FaaZr0yiS3HtMIku3mvsbQ4dQ556vyKjrn"
    "TzluFpzS2eW7vuSO3OrQijpziYivhNfkLTvEwFk6jqdXw5NrMIb7QIjzGT84MjVPB91HXn"
    "YNOcxnPb6DmlteBTpJxhNEJutJCf787FpulNc+ViIzFdiiWZKxfbeOViw7TBptCuunFR9g"
    "Hc/HZ9/VxXLsbRq4JQTCqwVR6GmaWINrpoMWIAmOg4iYucCWJdcCWATQMJbHRtYUAYeqTq"
    "ngf1MdS5rJroj6VCErfAu+ibjxkqvnCxnseYmySaFXeJgoAVwy9ZrvbdKmGCMHtrNbOgWm"
    "wgpm8hvtu/8IAhyGmBoTpE30pdqDHHDuMCdQUEVlmkg8/DjDG6lLu3MEivb2/exeT5hL7c"
    "/RL6G+l2wXguBzzNYyCvDDnmPKjs38wwGe9mCz82ssutSJv8XpFt8AQpZzlNWGgfpFw1Kp"
    "TmMmpzM7WpP8xQ0VzLMLXu8ox6PrXN5hYLCra6K3MzUlzmgqMKyRkmPGLCI43G1IRH1mkI"
    "Ex4x4ZGi8EgfMWxPOwXRkajmcOU33hOadbGRclRNzKFZMQd1yzguciOW72BTLC101Nayg1"
    "WTqgLCEXkL0T3eKJhzvCKYc1zwXWJKRGHu9spj7qI4cXsH59yfx5OxtRPtFY46b38x+/4/"
    "qnjJMQ=="
)
