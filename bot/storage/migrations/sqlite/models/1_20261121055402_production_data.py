from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "audit_entry" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "seq" BIGINT NOT NULL UNIQUE,
    "at" TIMESTAMP NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "actor" VARCHAR(255),
    "group_code" VARCHAR(255),
    "key" VARCHAR(255) UNIQUE,
    "data" JSON NOT NULL,
    "prev_hash" VARCHAR(64) NOT NULL,
    "hash" VARCHAR(64) NOT NULL
) /* One entry of the tamper-evident audit trail (bot.services.audit_log). */;
        CREATE TABLE IF NOT EXISTS "audit_head" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" VARCHAR(64) NOT NULL
) /* The chain's last entry (one row), so that deleting entries from the end shows. */;
        CREATE TABLE IF NOT EXISTS "cause_log" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "key" VARCHAR(255) NOT NULL UNIQUE,
    "kind" VARCHAR(16) NOT NULL,
    "payload" JSON NOT NULL,
    "memo" JSON NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "started_at" TIMESTAMP NOT NULL,
    "finished_at" TIMESTAMP
) /* One cause (an event handled, a job run) that took effect: the restart journal. */;
CREATE INDEX IF NOT EXISTS "idx_cause_log_status_233a96" ON "cause_log" ("status");
        ALTER TABLE "member_state" ADD "reminded_by" VARCHAR(255);
        ALTER TABLE "warning" ADD "cause_key" VARCHAR(255);
        CREATE INDEX "idx_warning_cause_k_310ce5" ON "warning" ("cause_key");
        INSERT INTO "audit_head" ("id", "seq", "hash") VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_warning_cause_k_310ce5";
        ALTER TABLE "member_state" DROP COLUMN "reminded_by";
        ALTER TABLE "warning" DROP COLUMN "cause_key";
        DROP TABLE IF EXISTS "audit_entry";
        DROP TABLE IF EXISTS "audit_head";
        DROP TABLE IF EXISTS "cause_log";"""


MODELS_STATE = (
    "eJztXV1z2zYW/SsYvdSZcTS27Djedmdn5MRJvE3snVhtOm06NERCEtYUwACgHU03/70XIC"
    "l+iJJFR5QpLl4SC8AFyXNBAOfgAvyrM+Ue8WW37yrK2UficuF1fkR/dRieEvijNH8fdXAQ"
    "pLk6QeGhbwywKemItOhQKgGpkDnCviSQ5BHpChrogtrk/I6IGYoMkZoQNOQKYaXINFDE20"
    "f3VE0QVRLxULl8SrpoAIUECXw80/9xoRCVYAn/+Hzc1Vf1uAuXpWxc1wVCRr+ExFF8TKBG"
    "AZf5409IpswjX4lMfga3zogSP48pNbiYdEfNApN2wdQbU1Df+9BxuR9OWVo4mKkJoJqUpk"
    "zp1DFhRGB4BEhTItTQstD3Y1ckaEd3mhaJbjFj45ERDn3tIG0d3UCa1nGcy6uBc30+cJzO"
    "gvMSiwzccZLLmXY83Ko0Tz/Wt/C8d3j88vj06OT4FIqY25ynvPwWXToFJjI08FwOOt9MPl"
    "Y4KmEwTkHFahHU14CNolNSjmxkUUDWi026yR9FnBNUVwGdJDwN0itgHFx8OL8e9D/8R1c/"
    "lfKLb2DqD851Ts+kzgqpeyfPdDqHdzh6w+eVoE8Xg3dI/0S/X12eGzS5VGNhrpiWG/ze0f"
    "eEQ8Udxu8d7GWBTJKTJCiaenUseBiAzzyy6N1XEyzKPZu3KngYoFrDp7HDVrg07cy28fZM"
    "8VfHJ2ysJvqVefFihZN/7X989a7/cQ9KFTx3GWf1orxvOaij7rEKzKnFoyBe47V5QowPT9"
    "aA+LD4bqQI66w8wLfwXFXgTcq3r/0e9dbA9qi3FFudlcc2wDOf4xJ4/319dVkOb8akOAZQ"
    "V6H/IZ/KhVF2U824889RyKL5yDCkvqJMdvVl/9XZ/qCgIcqNBwnQex/6vxV98Or91Vmxo9"
    "cVnBUcEs+kqrT3jMn2+pNOQJingdvRTsUjClN/EeYB+bpkQplabBHlJ2jWg/PfBqub9Xyq"
    "8/7q8m1SvNjW83BTDzgDV4S5M+eWzKo07xLTjfTsTzurr2deoqnT6DYzz9cJQ+ze3mPhOQ"
    "s5vMeXlV3MmvamxRTM8NhApx9SP0HCekOPqnOmxKxTxonT3P2VjFiXc8i84IN8+IoRZIoj"
    "PjJ0VeFpQMRzcgdtiAFz1RUi7QUf7QGV7Uoi7qhLZDe6FFDUZ4skeCO1fmaf2c0Ey8mNJs"
    "TX7/rPey9OEAd+bao09f8gEbQSZepkHroJBLlzjM0+khwRqAxuaR/BmEeE+fMztF2f6D8R"
    "F0C4ufCIvm0k+L1EQ0HwrTT1uxNoeV10A+/PDZriWyIR4A49uETz10tZet5Aei7Jl0VUz+"
    "h4KbCxwcPIrjNGNQHaf/R6R0cvewdHJ6cvjl++fHF6MMd4MWsV2GcXbzXeuR40ccCu6CFb"
    "JR9tEkS2SiKb5si6WSSMylxUVEAig/Zx9Fo0JivnbQ3qiuzEMpL1odWTnCpKU1Leykwbl5"
    "nm3KJKW88ZtXBgPDleo82fHC9t8jorD3NVhC24D4DbJIHjHcHla/7zzP2H5Y1JUu5BdWOQ"
    "8PgfJPKxVLEosccZ0Xz/mREJ1AQrNBcFdAkKXH8k+DTWGTwkJ/xeLsocm6/eSglWSqjWGR"
    "3Ui+yWlQTb+bez8z+j0cpXSdefZK3s+IeZQg/2+n00JdMhEWjIQ+hdFUcYumOpICXqoIcz"
    "hBnC3pQytKdM+JW+KeTyKTyB9+wnxIiWmcchkZJ4RnNe7P3ru0zJKPBHxEx1rqZPf9pR4Q"
    "lHhS3y3Wb3UUcHB+voYgcHy4UxnZcfA1xBNB7OsBLIeasWYl2LvJCgVl3Bz1taJb/RSj6Z"
    "Bj6fEeJUGg4KVtub0zZ+aCiqzJVgzZpYTGNMF+apBYgX8X3DBaFj9jOZGZgv4JYwc8tk+3"
    "ii+TapZ8fg/ZY0oCQ1nU0JfD+f8+XaFTy9kRyiQbN//ar/+rxT2iVsANjzTFUtxbbQFZbD"
    "+zTU6hUOJVm+myabvb+KYrm6oI68WY9k6RAfY4L2gOQAj2EKTYDV+HqTC0b/5UMkQvYskr"
    "8U57eIjEbEVT+iiAlBoxIKioWCYb88gmhz1ZtQImBr/AbdEhJIdG/MoGTgYzXiYmo0OOBg"
    "9xPqE0QVEnDZvZjg6WUTGal5OL4ruDjCY2gxnxkeacoHGQLLCfKIS72swCc15aMsCJX8Cd"
    "3AfalQmogmqIKZ4KQ4LBSe1DwXvBgh8T4zuC0Ed0cEXNnTkiL8HmG4Pa+LronZWJTGTWWB"
    "tCKipYvNAHYLS882RqW+gG+706FhS9B6CKvijaR8M1yhr9caV0QDeZWuJ7Woq/NZ6Ns78R"
    "yjLtDr7oDMLO5R8lTe0spTjZanRpRROXmUnwumG3B0w8L3dt3PDVmAnGsUJRQ5q18s58dZ"
    "wWSdNcjsUmAXvSaB6ZBQUo1E0EXN9tEUi1tIvvHiAtHGFZ/gOyIkwkKTWZePoZUD7ytZg6"
    "zrMpZENotEmv8rzDaS8luba+xYYER+Y6t+KaaElQw/yxHOW7WRUPZO15nQ9U6Xz+h0Xh5r"
    "RZVfqSHPDdoXjF8LwAGAVAnguUH7AN78tp35QgArIeLLMS6Y1YR0m/pk7FMsSQnBXq52ZE"
    "ys4LFxwYNKBx7eXXTIGecwj2RLpnepVcEnQzCryxnzlO3ifnZ19T6H+9lF8ZyHXz6cnUOX"
    "bpwAhWi0hLgYV9BEeamk0etjme7IrspLNvrpMa18J2SHrJvDwHukm/OW1s2NdnMibTzCzw"
    "VTqyI2zc8VVMS0QcSbBkpG0bPY8s3PH4mPl5wsuLg/YTdf7oXgptxbw4c6hsRg8J1AfTDB"
    "MtcwDdndF2Q1VoAE+/4G9SmqpUUY1SncR1GbJar9PJxzRUjbBCtnHj66jmg/1ntwGPGQsU"
    "JA5nTgVRIk1kU3+mQIE7014ff5ADJ9exJRVSbSb6ra0o1BSdGO8ZhH7OagJxXqs+5YW4LL"
    "2LRRSN48c6t4rMt3HejSbHBrCatr2mpT2/CFK47ouIq4mVo0Q9tsVVydFYIe4wrLHP+vmW"
    "O0OWKrpHEncdo2a9wZkOqkjdl2VUIeC81uOYWMGrkj5yUfJJGfkq1F+sM/5lSgSGLRBzyM"
    "DO+LdxXBLxwTwr0AfntUmo8AmTMiuEDmqGSqZiXnK9d0DXvuRLOppT13os5zJ+J3owrCGZ"
    "MWolwL80l6nCowZ23aF6RUC8zRXtkqIKcWFuK1IN6REI2Q3QIfYnVR9dr3IAL/Kw3MXRl2"
    "lLHaYthRMtfY2agjQab6+cpI3dLJW86mNecebuyAGD07d2KMHiMwldnb+ISmqUwlL1HVA8"
    "wKZnYQXmsQHlEB74ckpORrkg/tHMxaWuW20e+U6QUf4+WcoXVyo538dKfUNa3ftIfUNRLT"
    "hbUke0hdGw+pa1hvsC60q86og3tAl7+8f/9Uh9Qlq1clSzGZha3lyzD3mUJrHU0XGyDKzD"
    "qJT7wxEV10oZDLQwA2PugtZILccb0zXn8+cgZZY/N5ScySGmSXfA2oIOVH1NVzGbv3vlnr"
    "LvEiYMXll7xV+/bh20WYnWXNIqy2NpCUbyG+m98iLgiWvISoLv9MemphP5Ne+TPp0Tel3Z"
    "L2vBzwrI2FvPqX6aUMK+ubOSOrbrbw8wzbnIq0SfeKucEjvJy3tMtCu+DlqqtCWSvbba7X"
    "bZqj7CvStZxR6w7oqQVnK9hbwb7RmFrB/qGh1Qr2VrAvE+z7RFB30inR6+Oc/ZXfaU7LPK"
    "TWL0fVquDNUsH1ScG0TNhaPqfKmLRQOqxlTqVfqgoIx8VbiO7hWssLhyuWFw5Lvi3KmSqN"
    "Jl658VqVhxJvYef103Drje2xrrD5dvOD2be/AS9+bfE="
)
