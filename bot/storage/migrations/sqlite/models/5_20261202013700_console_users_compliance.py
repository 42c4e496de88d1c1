from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "console_user" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "username" VARCHAR(64) NOT NULL UNIQUE,
    "password_hash" VARCHAR(255) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "last_login_at" TIMESTAMP
) /* An account of the HR web console (`qunguan web user add`). The password is kept only */;
        CREATE TABLE IF NOT EXISTS "compliance_day" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "day" DATE NOT NULL,
    "counts" JSON NOT NULL,
    "recorded_at" TIMESTAMP NOT NULL,
    "group_id" INT NOT NULL REFERENCES "chat_group" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_compliance__group_i_3a47a4" UNIQUE ("group_id", "day")
) /* A group's members by status as its last audit of one day found them (the group's local */;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "compliance_day";
        DROP TABLE IF EXISTS "console_user";"""


MODELS_STATE = (
    "eJztXe1z0zga/1c0+UI7EzJtCoVjb26mhS50F9obGg5mtzuuYiuJL45kJLkhs8f/fpJsx+"
    "+JHeLEMfoCqaRHsn+SHj1vevx3Z0Ys5LDehcltgj8ik1Cr8wr83cFwhsSP3Pou6EDXjWpl"
    "AYdDRxFA1dKgUdMh41SUisoRdBgSRRZiJrVd2VCSXD0iugA+IeATBIaEA8g5mrkcWV0wt/"
    "kE2JwB4nGTzFAPDEQjilwHLuR/hHJgM0Ep/nHIuCdHtYgphrXxuK4BPGx/9ZDByRiJHqkY"
    "5s+/RLGNLfQNsfBPd2qMbOQkMbUVLqrc4AtXlV1j/qtqKJ99aJjE8WY4auwu+ESgGra2MZ"
    "elY4QRheIVRBmnnoQWe44TTEWItv+kURP/EWM0FhpBz5ETJKn9B4jKOoZxczsw7q4GhtHJ"
    "TF5IEYM7KDIJlhMvHpWptx/LR3jaP3324tnLs/NnL0UT9ZjLkhff/aEjYHxCBc/NoPNd1U"
    "MO/RYK4whUyLOgvhHYcHuG8pH1KVLIWgFJL/yRxjlEdRXQYcF+kF4B4+D6w9Xd4OLDv2X3"
    "M8a+Ogqmi8GVrOmr0kWq9Oj8WJYTsYf9Hb7sBHy+HrwD8k/wx+3NlUKTMD6masSo3eCPjn"
    "wm6HFiYDI3oBUHMiwOi0TTaFbHlHiumDMLZWf39QTS/JlNUqVmWEBVYk6DCVsxpREz28Xu"
    "mcFvhoPwmE/klnn+fMUk/+fi4+t3Fx+PRKvUzN0EVX2/7nsCap89VoE5otgI4hLbZo8Yn5"
    "6XgPg0vTcihGVVEuCpeK8q8Ibt27d+z/olsD3rF2Irq5LYunDhEJgD7293tzf58MZI0meA"
    "bXLwP+DYLHPKbmsZd/458rAvjww92+E2Zj057L86uz8UJESJ8yAE+ujDxZf0HLx+f3uZZv"
    "Syg8vUhASSVJX1HiPZHT/puAhbErgDZSoW4tB2sjAP0LcCgTKi2CHKe1jWg6svg9XLeinq"
    "vL+9eRs2T6/1JNy2JXQGwhE2F8YULaos7xzSrXD2/Ur19cglUnUaTWNyviwYQnM6h9QyMj"
    "WkT4raZqtm/Vm6BGI4VtDJl5RvEGq9nmXzK8zpopOnE0e13ZUasWxnoGXDtfrwLUZANQdk"
    "pNRVDmcuok/Ro1hDWGiuskMgZ8EBR0KV7TFEH20TsZ4/lKo5zqrBW+r3Ht/jhwlkkwepFN"
    "+9u3jaf34OiNCxVadqhCcMiJXCVa/YAg8uRY+GoukCRgAS3YmH6gJx7iGqft6L9esg+RMQ"
    "KpRuQi0kHxxQMmdgSBGcMtW/ORGrrwcexB56ADM4RQwI7AUXZ2C5xbhW0RuoojP0NYvqpT"
    "0uBDYgWI9smXOqCdD+o98/O3vRPzk7f/n82YsXz1+eLDHOVq0C+/L6rcQ7wUXDCTgUm8hO"
    "FZA2GUV2qkg2bSLr1iTFyUxoRSuIT9A+Pb0WO5M26e0M6ooaitZKykMrhZwq1qawvTY1bd"
    "3UtNQtqqz1BFELD8bzZyXW/PmzwiUvq5IwV0VYg7sG3CYZOd4hmO/3X1Z215s4JmG7tRaO"
    "QajHP2HAgYwHZokjgpHU94+VkYBPIAdLo4BsYQtdf0TJLLAzWIBNyJxlDR3b716bErQpoR"
    "ozOqkX2R1bEjTzbyfzv7R971cO6w+rVjL+YazRWq5/AWZoNkQUDIknuCsnAAp2zLgo8Rn0"
    "cAEgBtCa2RgccRWCJR8KmGQm3sA6/gVgJM3MYw8xhixlc85y//qGyTkF/vQ1U1kr1ae/9K"
    "mwx1Nhh/pus3nU2clJGbvYyUmxYUzWJc8AkyKJhzGsBHKSqoVY12JeCFGrbsFPUmpLfqMt"
    "+WjmOmSBkFHpOEhR7U6mbfzRkLYyV4I1TqIxDTDNyKkpiLP4/koossf4d7RQMF+LR4LYzD"
    "PbB4Lm27CfA4P3e7iAwtJImqJwvpT5EutKvL0yOfiH5sXd64s3V51clrAFYK9iXbUU2xQr"
    "zId3P6rVa+gxVHyjJl7dXaVimbKh4ZCSSpYM8lEk4EgoOUKPwRxMhFbjyIsuEPyXDAH18L"
    "Fv/uKETAEajZDJXwFfExKLinLRzKMYOvkxRNvrXoUSCW2NPIApQi4Dc0UmWroO5CNCZ8oG"
    "J3Sw+cR2ELA5oGLYo0DBk24T5lvzYPBUYnAAx2LF3GM4kiqfqKCQTYCFTNuKG/iYVPls7H"
    "qc/QIexHNxj6mIJtEFVsFJQWioeFP1XmJjeMi6x+KxgHg6RMXIljQpir9HUDye1QN3SF0u"
    "iiKn4kBqI6JWF5sB7A5czzpGpb6gb33boWEuaHmEVZmNsH0zpkKO15qp8A/yKqwnoqiL+W"
    "R4eyeQMeoCvW4GpKS4jcxTSUptnmq0eWpkY5tNNprnFOkWJrph4XuHPs8NcUC+JkKDt6Ud"
    "4w3MvWWTbNBdqSkvmxoWLHnX5gIo88wTFjgNmfQO+icCgEwlhVARJP7dGDICUuETvYOR71"
    "ycoJnvQwy7cYgJnRyfZB3D3GO5f4593VquT+IgUXd28lSSRnDIYBihdSfv9MTQmggBgNDF"
    "cQknpwRWOzn3qbUGSzvLjIsCT/O01gQDbtcpKzlq2psmNhHPkQmLBfSIohkiequ0JT830E"
    "ZiRYpUy4+Nkyu0E0474RroKFrvhNuX/Kuktk9MSVo50m9UvUb2VQ0NL2y5XvLFAJrqnAuv"
    "g7/7COZoGAqS4Ojhq4fHHsSqVHYMxN5/OPazo7mQsbngxdJjMkWu6AQ7i6zcW8Mg91hIzD"
    "KAj44J7gMZauqLtqKHnuyBFQqyWnDdo+Aqp0b9zkBbbJuL07TO8bL9Ozrhfql+HSpN2EI/"
    "jA7U05LsppKs51obTnOSUk9zo6dZ2uBkqI2NN5jpDLE2ejdtrhti9F4G5uVI/PGgvWJxPx"
    "4lWMbIHb//0gNvkKu8cCDshklb9KILZpBORfGDFTTwszU5CD5KkzWkMoLLJGNsM2TlXbyp"
    "axgtyjdLlK8qxm9XhC/hYD9gGd7fFDOEcw6gYoSTVC2U3k/7L8tEMfRfFocxyLok1tzmTq"
    "WFvCRoXwaaWgB2BUiVAF4StA/g7eeqWka/45zos2KMU2Q1Id0mngwdGzJUyYMYI2mGC7FV"
    "UX42M8TLm9kJuSREyJG4QLyLqFJzMhRkdU3GsmS3uF/e3r5P4H55nU5w/OnD5ZVg6WoSRC"
    "Pb94hkL9M1MaYyZ9HL7xE8orqWeN0xlXNkTiDP9ZYW45wg0ox8LSPnyEFjCmcVYU6RaaDX"
    "Aq3t4pvw7IMwomm7+E83zaGhboN5TpFqm3jT5rmCTTxaEEHepxyZ8DKg/PX3j8iBBR+Iyq"
    "aYOszNnQk7SuwaMpTB1gqDHwTqgwoav+PlgnWbuUFWYyWQwD++oD77vbQIozrdUH7MX44P"
    "ahkMuCLeTKody+DDUvcsZBo1jCz/CgMgWN1xCO/598CDTO6tLuBPyDyZA0A+nrwkkedy2l"
    "a3udcewqYdNWMW0lcf9up2ik9HaYNyjKaNbpGt2yGqZub/oZz8zQa3loixpvlO24avGHFk"
    "j6uY6iOKZljqW3XZRxuCNpkKrTn+1Jpj8ibzD2KVuUHdRsT8a9UG9tTt6m1o2zeqq3bjtV"
    "OzxEHitGu7xMGAVKdhIrEBc+wT6Q1abKZIsIWylgqf6AkDPhmwMYC+eaErkzWoRIZ+oGuQ"
    "Md7/UIjMTij/CApFQzhFBVaLbQ8hEym+tR+RtH6YCLiCMMiROEUL+ZlV1aX6pqr6NSQcjG"
    "zKuJ9DUZUFLKGrRlAZ8O+xOYF4LFPgy0+yegxZr8RzBs/sm0+ktSUYSjTCZEisRSrTRJI3"
    "l8kyoVLpd0GsJJhBbX/5WRMmNkpxrSW/fsSkSi7biEDflNcpwGvDVGcfqCwddQ8k+0BcgC"
    "+Us5by/Voxiy1brpWyPoeJnqUkolJf+d5SKWuMEkLFKJSMwJEUayybuQ5cKOlDShzq0/U2"
    "X+R8776mMfRXgPbPk7SUsi8pJdgbVRCOkbQQ5VqcGCHHqQJznKZ9t2dqgdn/ckEVkCMKDX"
    "EpiA/k7oCHp5jMcV1et9ozwlPEcm+MrrwPE6Pa4X2YUNY42OswFM3k++VZzwuFtwRNa75C"
    "uzVdXeXOCDDaxFecR69DjZvmMM7ZRFU/J5ki04dwqUNYmfoNhhCuurGSlDoIo9F7SnHBTW"
    "Y5QagnudGTvL9vhjaNb2p/QSMx1f6CdXyoFZ8MbRg3KAvtqi+GimcAN5/ev9+XOyYME8px"
    "xcQiiIrdMPNYo1IfCg0IwvgQB1ljRHvgmgP/AwjBZzc9TNEjkSnbZGjIQlSNVRyJzNocxE"
    "f10DfXpij/g6H1DKOTwjXL7xI4ASu6X5JU7UsQp50wB6s1U6+abyBs30J8t5+7jCLISI6i"
    "OkDfCk2oIcUO/QJ1OQRWaaRXXwYJZTRzDWepkL6/vXkbNk/fzUmlinuU7kEzZz0XAx6n0Z"
    "BXhtxmzKts30wQaetmC3Pw71IUaZPdK9ANNvpoWJxSu4UOYZareoXiVJptlmOb0GOoqrqW"
    "IGpdHrxacLbowqBejqi7MjYjRqVzlVYIztDuEe0eaTSm2j2yjkNo94h2j+S5Ry4Qtc1JJ8"
    "c7EtR0VzlHYNRmnW+kGFXtc2iWz0F+MMjOMyMWS7AxkhYaamuRYOWmqoBw0LyF6J6Wcuac"
    "rnDmnGadOWJEnhu7vTJjFc8P3N5Byqr9WDK2lpyqQtai7R9m3/8PXckLHw=="
)
