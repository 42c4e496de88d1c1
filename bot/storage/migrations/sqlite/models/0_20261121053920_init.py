from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "action_record" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "at" TIMESTAMP NOT NULL,
    "group_code" VARCHAR(255),
    "action" VARCHAR(16) NOT NULL,
    "kind" VARCHAR(32),
    "payload" JSON NOT NULL,
    "outcome" VARCHAR(16) NOT NULL,
    "detail" TEXT NOT NULL,
    "idempotency_key" VARCHAR(255) UNIQUE
) /* Every action the bot attempted, with its outcome. The replay report is this log. */;
CREATE INDEX IF NOT EXISTS "idx_action_reco_at_3eebfd" ON "action_record" ("at");
CREATE TABLE IF NOT EXISTS "employee" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "department" VARCHAR(128) NOT NULL,
    "title" VARCHAR(128),
    "phone" VARCHAR(32),
    "employee_no" VARCHAR(64),
    "aliases" JSON NOT NULL,
    "is_exec" INT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "departed_at" TIMESTAMP
) /* A roster entry. Departed employees stay, marked `departed`, so leavers are recognised. */;
CREATE INDEX IF NOT EXISTS "idx_employee_name_efebbe" ON "employee" ("name");
CREATE INDEX IF NOT EXISTS "idx_employee_employe_64fb3f" ON "employee" ("employee_no");
CREATE TABLE IF NOT EXISTS "chat_group" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "platform" VARCHAR(16) NOT NULL,
    "code" VARCHAR(255) NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "config" JSON NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_chat_group_platfor_8e843e" UNIQUE ("platform", "code")
) /* A governed group on one platform. `code` is how the platform names it. */;
CREATE TABLE IF NOT EXISTS "binding" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "key" VARCHAR(300) NOT NULL,
    "created_by" VARCHAR(255) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "employee_id" INT NOT NULL REFERENCES "employee" ("id") ON DELETE CASCADE,
    "group_id" INT NOT NULL REFERENCES "chat_group" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_binding_group_i_2e4558" UNIQUE ("group_id", "key")
) /* A member bound to a roster entry by an admin (the rename command); never guessed over. */;
CREATE TABLE IF NOT EXISTS "member_state" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "key" VARCHAR(300) NOT NULL,
    "display" VARCHAR(255) NOT NULL,
    "identity" VARCHAR(255),
    "handle" VARCHAR(255),
    "status" VARCHAR(16) NOT NULL,
    "present" INT NOT NULL,
    "reminders" INT NOT NULL,
    "last_reminded_at" TIMESTAMP,
    "first_seen" TIMESTAMP NOT NULL,
    "last_seen" TIMESTAMP NOT NULL,
    "employee_id" INT REFERENCES "employee" ("id") ON DELETE SET NULL,
    "group_id" INT NOT NULL REFERENCES "chat_group" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_member_stat_group_i_bcc4b2" UNIQUE ("group_id", "key")
) /* What the bot last observed of one member of a group (per display name or identity). */;
CREATE TABLE IF NOT EXISTS "warning" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "member_key" VARCHAR(300) NOT NULL,
    "display" VARCHAR(255) NOT NULL,
    "rule" VARCHAR(32) NOT NULL,
    "reason" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "issued_by" VARCHAR(255),
    "created_at" TIMESTAMP NOT NULL,
    "revoked_at" TIMESTAMP,
    "revoked_by" VARCHAR(255),
    "employee_id" INT REFERENCES "employee" ("id") ON DELETE SET NULL,
    "group_id" INT NOT NULL REFERENCES "chat_group" ("id") ON DELETE CASCADE
) /* One warning in the ledger. It counts while unrevoked and younger than warnings.expire. */;
CREATE INDEX IF NOT EXISTS "idx_warning_member__241f0a" ON "warning" ("member_key");
CREATE INDEX IF NOT EXISTS "idx_warning_created_63b02e" ON "warning" ("created_at");
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXVtv2zYU/iuEn1IgMxI3TYttGOC0bpstl6Fx16JFodISbRORSJWikhpd/vsOdbEuph"
    "zLtWxZ00tTk+cTpe9Q1LnwSD86DreI7XX7pqScvSMmF1bnV/Sjw7BD4D/a/kPUwa6b9KoG"
    "iUd2AMCBpCES0ZEnBbRC5xjbHoEmi3imoK4SVJDBHREzFAKRnBI04hJhKYnjSmIdonsqp4"
    "hKD3FfmtwhXTQEIUFcG8/UHy4koh4g4R+bT7pqVIubMCxlk6oG8Bn95hND8gmBIwoY5vMX"
    "aKbMIt+JF/90b40xJXaWUxrwErQbcuYGbedMvg4E1bmPDJPbvsMSYXcmp8BqLE2ZVK0Two"
    "jAcAnQJoWvqGW+bUeqiNkOzzQRCU8xhbHIGPu2UpBChyeQtHUM4+p6aNwMhobRWVBejEjR"
    "HTWZnCnFw6l6wdVP1Cn80js+eX7y4unpyQsQCU5z3vL8IRw6ISYEBvRcDTsPQT+WOJQIOE"
    "5IxXKR1FfAjaQO0TMbInLMWhGkG/8nz3PM6jKi44bdML2ExuH55eBm2L/8Wx3e8bxvdkBT"
    "fzhQPb2gdZZrPTh9oto53MPhHT4/CPpwPnyL1E/06fpqELDJPTkRwYiJ3PBTR50T9iU3GL"
    "83sJUmMm6Om0A00epEcN8FnVlkUbsvp1joNZtF5TQMVK2g00hhS1SaLGbbuHsc/N2wCZvI"
    "qbplnj1bouR/+u9evu2/OwCpnOauoq5e2PeQoTpcHsvQnCDWoniF22aHHB+frkDxcf7eSB"
    "hWXVmCb+G6ytAbyzdv/j7trcDt014ht6ory62LZzbHGnr/vLm+0tObguSfAdSU6F9kU2/h"
    "Kbupadz5feyz0B4Z+dSWlHldNewfne0/FBRFmedBTPTBZf9jXgcvL67P8gu9OsBZTiGRJV"
    "Vmvqcg21tPOi5hliJuTxcVi0hM7UWah+R7gUGZILbI8g6m9XDwcbh8Ws9NnYvrqzexeH6u"
    "Z+mmFvgMXBJmzoxbMiszvTXQjazsu7Xqq7FLlOs0vk3Z+aphhM3beywsY6GH93iR7GKX03"
    "PyLZjhSUCdukh1BZHXe0bDtUHjEMddh8t84VFK6FEvuI8c4oyIAOfUZxaSHGEkYJWFFsIk"
    "+K8jcGEZwpZDGTqQgYOqTgrBoglXYD35DTECji6a+MTziIU4/Fj0hasbRuMRfw5NcdWrpv"
    "yX1kPeoYdccr36mTWq3qb906OjVezPo6NiA1T1ZZ8MpiCKD2NUiuQsqoFcV+KqxqyVj/lk"
    "kduJ/WyV/SYFf8BesvmMEKPU4yCHevy5sAda3cyjIR9WK0VrGtJyGnG6YKfmKF7k9zUXhE"
    "7YX2QW0HwOp4SZqXN6I0PzTXycPaP3IZ5AcWtiTQl8P7f5MvMKrh6umcjwodm/edl/Neho"
    "l4QNEDtIHaqh3OaWQj29u3Gt5uxrfKu0Zoqdq/RUWMW7Sjs5XfSKuFiAwlF8GA/BhJkdIg"
    "eLW2j+akUCXw+Rx5FNMLg5HsJC+UMmnzAKvo/Ou6pqmDbfWC9vKvhbwtKP5auy8XcX9Tk9"
    "WcHCPz0pNPBVVz6oqW4KhzCNfV/McBbVQF/quPdilfBx70Vx/Fj1ZbmWVNqlJvIc0Ly8VC"
    "UEu0BSKYLngOYRvPnE39zEYbwMxzlYRUw3aU3GNsUe8cpkWFOQemRY1XiNybBSz4CLNxcV"
    "csY52JGswLxLUDmdjABWlTLmLdvl/ez6+iLD+9l5Psf3/vJsAEt6oAQQoqFztBgxAatd+p"
    "rZX7zEJIgt5lnVlpw7UtUUrzqZ3cZ115nlexfX9V1rTTVnka2aa63mOLSxhp5z0A0oumZm"
    "8b7rucQGjWRCRNshNE/Rswj5+q93xMYFu0oXd17s5829ELbNbpwbeUTcBRz8JFGXwT6PGz"
    "BD9vcGWc4VMMF+fkJ9CI/SII6qDNyH+ShN1H6eqCoO2ZtTLI15YmyVoP1E7S5ixEIBCoEz"
    "xxlBLqh0zIXTRV/VJv+vqjhnyu+D0p64D6nT8xCVuiD9pg6r3fIUi3YCjVmk3fa000B9Wh"
    "0rh+BSmCYGkjfvuZWs0Pmp2px6k1vJjqe6ZZuaxi+MOKaTMsHNBFGP2GajqkfaQNA6qmg9"
    "x/+15xju69+q07iXPG3ba9wbkqp0G9PzSuM85qZdsQsZTnLDm0s+6kR+AKdz/tIHG3sShS"
    "EWVboyDvy+qCAGfuHIITxw4bdFveAFEEH1CxeIWoRJKmdPFj3KisZoK2rq7Vq2FTVVVtRE"
    "90YZhlOQBrJciecTrzhlaE5jmrdJqRKap5hZ5fbZJYiW4pUo3pMtGj67BX+IVeWqVx3pc8"
    "H/027MXbrtKIXa4raj2NbY211Hgjjq+nROXaHxlsFsr1LrqNY2XEKpss6NiKN1Akw6fLs/"
    "oW5RprTGx1SAyjxCNC+3Wq7rLLINJtZazcGNuY6WM8BWybVW8u5Kwmu2QLcV4fXktK0If2"
    "wdakRFeM1Wg00UhMM5oKv3Fxe7qgiPEyqa7EAq11KcGbhPCT2aFLhmBEUARMN3QtvEmhDR"
    "RecSmdwHYtH9lNoE+UyQO66KtTGz0Ay6QAwQmMVH8Lrku0sFWcwLVDdMWw5er1RAlJcqmR"
    "HIoppXGt7mBfY2mir8cuHqWL6B/G6+alkQ7OnetV381tYE0b61tfRbW8mdyliZmvlcTHga"
    "01Je/kW5nueXfhtiBtRmvRr4LsT2Oxjrxb0i32ANLWeRbaZiH7RcbtXMotplc6Vlsw0kt4"
    "HkWnPaBpIfW/LbQHIbSNYFkvtEUHPa0cSRo57Dpd8vTGQeiyIXs9pGZ+sVnVUvVS35cbMU"
    "pIEhrWq+IOdqnkpLPh8XijeQ3eOVwt7HS8Lex5oPTHAmtRsvl9aoSv2uyy0Uqe7G59tYOW"
    "qJOsXNP8we/gPksV2m"
)
