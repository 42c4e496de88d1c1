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
    "eJztXVtv2zgW/iuEXyYBXCNx0jTbWSyQtGmbmTRZNJ5tMZOBQku0zbVEuiQV15jtf1+Skq"
    "yLJdtKLVvW8CUXkoeUv0MdnhuP/2p51EEu71zYAlPyCdmUOa3X4K8WgR6Sf+T2t0ELTiZx"
    "r2oQsO9qAqhHWiwe2ueCyVbZOYAuR7LJQdxmeKIGKpKrJ8RmICAEYoRAnwoAhUDeRCCnDa"
    "ZYjAAWHFBf2NRDHdCTgxiauHCmflEmAOaSUv5w6bCjVnWoLZfFZFjVAj7BX31kCTpEckYm"
    "l/njT9mMiYO+IR79OxlbA4zcNKZY46LbLTGb6LZrIt7pgerZ+5ZNXd8j8eDJTIwkqtFoTI"
    "RqHSKCGJQfQbYJ5itoie+6ISsitIMnjYcEj5igcdAA+q5ikKIOHiBua1nW7V3Pur/qWVZr"
    "gXkRRQLusMmmRDFePirXn36oHuFF9/j01en5ydnpuRyiH3Pe8up7sHQMTECo4bnttb7rfi"
    "hgMEJjHIMKxSKobyU2AnsoH9mAIoOsE5J0oj+yOEeoLgM6atgN0ktg7F1/vLrvXXz8t5re"
    "4/yrq2G66F2pnq5unWVaD84OVTuV73Dwhs8nAZ+vex+A+hf8fnd7pdGkXAyZXjEe1/u9pZ"
    "4J+oJahE4t6CSBjJqjJjk05uqQUX8ieeagRe6+GUGWz9k0VYbDEqo1eBoybAlLY2G2jbfH"
    "g98sF5GhGKlX5uXLJUz+z8WnNx8uPh3IURnO3YZd3aDvewrqQDyWgTmmeBbEa7w2O8T4+G"
    "wNiI+z70aMsOpKAzyWn6sMvNH45u3fk+4a2J50C7FVXWlsJ3DmUpgD7y/3d7f58CZIsmcA"
    "tgX4H3AxXzhlN7WNW/8c+CTQR/o+dgUmvKOW/Vdr+4eCgih1HkRAH3y8+JLlwZubu8usoF"
    "cTXGYYEmpSZfZ7gmR78qQ1QcRRwO2pUHGQgNhdhLmHvhUolDHFFlHewbbuXX3pLd/Wc1Xn"
    "5u72fTQ8u9fTcGNH2gxUIGLPrDGaldneOaQbkey71eqr0UuU6TQYJ/R81dCH9ngKmWMt9N"
    "AuLRq72OV1vWwLJHCooVMfUn2CyOr1HSyuiGCzVp5NHPe2l1rEapyF5gNX2sN3BAE9HNCB"
    "NlcF9CaIvUBPcg8RabmqCYHiggsOpCnb4Yg9YRvxTrCU7jlcNIM3NO8DeSCPI8hHj8oovv"
    "9w8aL78gxQaWPrSfUKP3Egd4rQsxIHPE4YerI0TRtwCpCcTj5UG8hzDzH954Pcvy5SfwLK"
    "pNFNmYPUgwNGpxz0GYJjrue3R3L3dcCjfIcegQfHiAOJvZTiHMxfMWFM9Bqa6Bx9XUT1Eg"
    "8LgQ0JViO7zjlVB2j/0e2enLzqHp2cnb88ffXq5fnRHOPFrmVgX16/V3inpGjEgH3xiWzV"
    "AGmSU2SrhmTdGFm1JSlPZspKekECgubZ6ZX4mYxLb2tQl7RQjFWyPrRKySnjbYrGG1fTxl"
    "1Nc9uizF5PETXwYDw7XWPPn50WbnnVlYa5LMIG3BXg1snJ8QHB/Lj/vLO92sUxisat9HD0"
    "Ijv+Jw5cyEXoljigBCl7/1A7CcQICjB3CqgRWNr6A0a90M/gAD6iU77o6Nj89MaVYFwJ5Y"
    "TRUbXIbtmTYIR/M4X/JQ6iXzmiP+paKvj7iUErpf4F8JDXRwz0qS+lq6AASnHMhWwJBHR/"
    "BiAB0PEwAQdCp2CphwI29eQncA5/BgQpN/PQR5wjR/ucF6V/dcvknAJ/BJap6lXm05/mVN"
    "jhqbBFe7feMurk6Ggdv9jRUbFjTPWlzwCbIYWH1S8FcpqqgVhX4l6IUCvvwU9TGk9+rT35"
    "yJu4dIaQVeo4yFBtT6et/dGQ9TKXgjVJYjANMV3QUzMQL+L7jjKEh+RXNNMwX8tHgsTOc9"
    "uHiub7aJ49g/d7tIGi1libYnA61/lS+0p+eu1yCA7Ni/s3F2+vWrkiYQPAXiWmaii2GVGY"
    "D+9uTKs30Oeo+EZNsru9zMSy1UDLpWsaWSrJR5OAA2nkSDuGCDCSVo2rLrpA8F/aB8wnh4"
    "H7S1A6BmgwQLZ4DQJLSG4qJuQwnxHo5ucQbW56nUokrTX6CMYITTiYajI5cuJCMaDM0z44"
    "aYNNR9hFAAvA5LIHoYGnwiY88ObB8Knk4gAO5Y55IHCgTD7ZwSAfAQfZ2Ek6+Lgy+TCZ+I"
    "L/DB7lcwmf64wmOQXRyUlhaqj8pPpzyRfDR84DkY8F5NMhJld2lEtR/j+A8vGcDrhH+nJR"
    "nDmVBNI4EY25WA9gtxB6Njkq1SV9m9sONQtBqyOsDDei8fVghVqvMawIDvIyoiemqEr4LM"
    "j2VqhjVAV61QJIa3HPck+lKY17qtbuqQEmmI+execM6QYYXbP0vX3nc00CkHMfRY6JnPRf"
    "FNvHSYfJOjHIZCiwA96iiRZIIJqGAymiZm3gQTaWzY9OOCC4uOIi+IQYB5ApY9amQ7nLpd"
    "2XE4OsahljRNbLiNS/S2gb0fit6Rp7lhiRvtyqXgoPkZzjpxjhNFUTDcru+ToKXfe8WKNT"
    "fWmsBRZuqY08J2heMn4lAE8kSKUAnhM0D+DNX9uZBwJIjiFejHGGrCKkmySToYshRzkGdr"
    "G3I0FiHB4bd3hgbskPby8y5JJSqUeSAvUupsrwpC/JqmLGvGW7uF/e3d2kcL+8ztZ6+O3j"
    "5ZUU6ZoJchAOQoiLeQV1dC/lbHpVmukJ7at7aYrsERS52RvFOKeIjCBfKcgFctGQQa8kzB"
    "kyA/RKoE0u33Nk9l440ZJs9ifOM9mcpjRsrjWbI0fdM/icITU+8brxuYRPPN4Q4RWYHJ3w"
    "MqR89+sn5MKCWpmLt2328+VeSNVLvTW0rzKiNAY/CNRHnfp1L5Xq/X1BlmMlkSA/vqE+B7"
    "M0CKMqw1BBDnJODGqenLwkQVOZHfNk6HVCUEN1o4wgB2gqQAlQaYRRymMHPKo6JzoXcUSn"
    "6XRI9XgcYJEXctrUtLnX3KKhLc0xB5mrbjsNOyXZsbZDOUHTxLDIxv0QZYsU/VB5onqDW0"
    "mSaN1ip03DV644wMMyrvqYoh6e+kZliRpH0HNYYSzHv7XlGFz1sYivfm3EdrzVUzUbr60a"
    "2XuJ07at7L0BqUozO/UC5ljb2Re02OhOiYV17e6A6CcOAjKACYCBsdwGMKguHqZthqVggg"
    "pg6tqh+idslAPhGBXY4JteQt2QfI+fkLLlbWmwS8Lw8uMYzVT9dD2lLpY+/2azAWZcBJcj"
    "dVsoEtp6BV3a5oHYI0iGqraNqrXuc+S8ls8ZPnPgDFC+g3ApOYjQPnVmmbLwadl8uG6NnD"
    "ZItIQcNN6Ev+tNyFqZYZUUzomF1JrbNiYwdShMbY/KMDW1PUprR+3StT12c60mqcAX6llz"
    "/X6lmsXnI1dqWZ+jCg5KE9HFV4PYn9I1BimlYhBpRuBAqTUO5vr7VnUpPqlx6O+kwWKW80"
    "U2Fa1hyvvtXiYZLWVXWkr4bpRBOEHSQJQrcclHEqcMzEma5t0FqQTmoCRRGZBjCgPxWhDv"
    "SSa8T8aETklVMaTKS70wxHPvPy693ZGg2uLtjkjX2NvLHQx56vPlec8LlbcUTWPKy2/MVl"
    "fauRVi9JzIZx69SZytW/gz5yUqWyc6Q2YO4bUOYe3qtzhCpOyLlaY0KQW1fqe0FHwOl1OE"
    "hsm1ZvLuioHXTW6aeEEtMTXxglVyqBG1wGsmDdaFdlkpcPkM4Pa3m5tdhWOiNKGcUEwig6"
    "g4DDNNDFqrAnhIEOWHuMgZItYB1wLY1JfAhvW0fcLQE1UFyFRqyEx2DXUeCSTRDLyDvk0w"
    "Q/mVwKtZxpQ4q1fcJQwClgy/pKmaV+7MBGH21mpmfrnYQDS+gfhuvhIXQ5DTHEO1h74Vul"
    "Ajii3GBaoKCCyzSK++9FLG6MKlkrlBenN3+z4anr1pkil89qTCg3bOfi4GPEljIC8NOebc"
    "L+3fTBEZ72YDvwVvm6pIk/xeoW3wDC6nKU1YaB+4XDYqlKQyYnM9sam/MaykuZYialxVt0"
    "pwdtjMYn6Oqrs0NyNBZSpvlkjOMOEREx6pNaYmPLJKQpjwiAmP5IVHLhDD9qiVEx0Je9rL"
    "giMwHrMqNlKMqok51CvmoL7+Bue5EYs12ARJAx21lWiw6qUqgXA4vIHoHq8VzDleEsw5Xg"
    "zmyBVFbu720vpLIj9xewsFmHbjydhYqaUSNXg2f5h9/z9XvTy+"
)
