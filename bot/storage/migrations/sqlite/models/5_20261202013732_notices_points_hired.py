from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "notice" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "text" TEXT NOT NULL,
    "sender" VARCHAR(255) NOT NULL,
    "opened_at" TIMESTAMP NOT NULL,
    "deadline" TIMESTAMP NOT NULL,
    "expected" JSON NOT NULL,
    "reminded" INT NOT NULL,
    "reported" INT NOT NULL,
    "cause_key" VARCHAR(255) UNIQUE,
    "group_id" INT NOT NULL REFERENCES "chat_group" ("id") ON DELETE CASCADE
) /* A notice an admin posted, open for acknowledgement until `deadline`. */;
CREATE INDEX IF NOT EXISTS "idx_notice_opened__fbf863" ON "notice" ("opened_at");
CREATE INDEX IF NOT EXISTS "idx_notice_deadlin_f7159d" ON "notice" ("deadline");
        CREATE TABLE IF NOT EXISTS "notice_ack" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "member_key" VARCHAR(300) NOT NULL,
    "display" VARCHAR(255) NOT NULL,
    "at" TIMESTAMP NOT NULL,
    "late" INT NOT NULL,
    "text" VARCHAR(64) NOT NULL,
    "notice_id" INT NOT NULL REFERENCES "notice" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_notice_ack_notice__dbd72f" UNIQUE ("notice_id", "member_key")
) /* One expected responder's acknowledgement of a notice (`late`: after the deadline). */;
        CREATE TABLE IF NOT EXISTS "point_entry" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "member_key" VARCHAR(300) NOT NULL,
    "display" VARCHAR(255) NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "rule" VARCHAR(32) NOT NULL,
    "delta" INT NOT NULL,
    "at" TIMESTAMP NOT NULL,
    "key" VARCHAR(255) UNIQUE,
    "employee_id" INT REFERENCES "employee" ("id") ON DELETE SET NULL,
    "group_id" INT NOT NULL REFERENCES "chat_group" ("id") ON DELETE CASCADE
) /* One change in the points ledger (`points.enabled`): a rule's points for a member, in */;
CREATE INDEX IF NOT EXISTS "idx_point_entry_month_368259" ON "point_entry" ("month");
        ALTER TABLE "employee" ADD "hired" DATE;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "employee" DROP COLUMN "hired";
        DROP TABLE IF EXISTS "notice";
        DROP TABLE IF EXISTS "notice_ack";
        DROP TABLE IF EXISTS "point_entry";"""


MODELS_STATE = (
    "eJztXW1z2zYS/isYfYk9o2gcO4lzyc3N2KmbuI3tTqxee607EkRCEk4UwBKgbU0v//2wIC"
    "m+iJREW5QoFvkQ2wAWIJ8FgX3D4q/WlNvEEZ0zS1LOvhKLe3brPfqrxfCUqF9y69uohV03"
    "roUCiQeOJsC6Zc+Lmw6E9FSpqhxiRxBVZBNhedSFhkBycU+8GQoIkRwTNOASYSnJ1JXEbq"
    "MHKseISoG4Ly0+JR3UVY084jp4Bj+4JxEVilL95/BRB0a1uaWGpWxU1QA+o3/6pCf5iKge"
    "PTXM73+oYsps8khE9Kc76Q0pcdKYUo2LLu/JmavLLpn8XjeEZx/0LO74UxY3dmdyrFCNWl"
    "MmoXREGPGwegVVJj0foGW+44SsiNAOnjRuEjxigsYmQ+w7wCCgDh4gLmv1etc33d7tRbfX"
    "ay0wL6JIwB0WWZwB49WjCv32I3iEl8evXp++fnfy9vU71UQ/5rzk9FswdAxMQKjhue62vu"
    "l6LHHQQmMcg4rlIqjfKWwknZJ8ZAOKDLJ2SNKJfsniHKG6DOioYDdIL4Gxe3l1cds9u/oJ"
    "up8K8aejYTrrXkDNsS6dZUoP3h5COVffcPCFzztBv1x2PyP4E/12c32h0eRCjjw9Ytyu+1"
    "sLngn7kvcYf+hhOwlkVBwVqaYxV0ce913FM5sscvfjGHv5nE1TZTisoFqDpyHDlrA0Xsy2"
    "8fVM8WPPIWwkx/DJvHmzhMn/Pvv68fPZ1wPVKsO567DqOKj7loI6WB7LwBxTPAniNT6bHW"
    "L86u0aEL/KfhsxwlCVBnii3qsMvFH75s3fk+M1sD05LsQWqtLYunjmcJwD7w+3N9f58CZI"
    "snsAtST6H3KoWNhlNzWNW/8c+iyQRwY+dSRlogPD/qu1/U0BIErtBxHQB1dnv2Z58PHLzX"
    "l2oYcOzjMMCSWpMvM9QbK99aTlEmYDcHu6qNhEYuoswtwljwUCZUyxRZR3MK27F792l0/r"
    "uajz5eb6U9Q8O9fTcFNb6QxcEmbNehMyKzO9c0g3srLvVqqvRi4B1Wk4Scj5UDDA1uQBe3"
    "ZvoYYf86K2i1XT42m2BDM80tDBS8IbRFqvb1N5waQ3a+XpxHFte6lGDO16ZN5wpT58wwjS"
    "zREfanVV4qlLvJfkXs0hpjRX6BABFxx0oFTZjiDePbWI6ARD6ZrDRTV4Q/3esTvWH2Mx7o"
    "NSfPv57OXxm7eIKx1bd6pHeCGQmilS98ps1Hc9ct/TNG0kOCKqO/VQbaT2PeLpX+/U/HUI"
    "/Iq4p5Ru7tkEHhx5/EGggUfwROj+rbGafR3UV99QH03xhAiksFeruEDzT0waFb2GKrogfy"
    "6iek5HhcCGBKuRXWefqgO0/zg+Pjk5PT46efvuzevT0zfvjuYYL1YtA/v88hPgnVpFIwbs"
    "i01kqwpIk4wiW1Uk68bIqjVJtTNzr6QVJCBonp5eiZ3JmPS2BnVJDcVoJetDC0JOGWtT1N"
    "6YmjZuaprrFmXmeoqogRvj29drzPm3rwunPFSlYS6LsAF3Bbh1MnJ8Jjjf7z+vbK82cYyj"
    "distHN1Ij38hkIOFDM0SB5wR0PcPtZFAjrFEc6MAtKBK1x96fBraGWwkxvxBLBo6Nt+9MS"
    "UYU0K5xeioWmS3bEkwi38zF/9zGni/cpb+qGrpwj9INFq56p+hKZkOiIcG3Ferq+QIq+VY"
    "SFUSLNCDGcIMYXtKGTqQOgQLHgpZfKrewD78gBgBM/PIJ0IQW9ucF1f/6obJ2QV+DzRTqA"
    "X16Q+zK+xwV9iivlvvNerk6Ggdu9jRUbFhDOrSe4DlEcCjNygFcpqqgVhXYl6IUCtvwU9T"
    "Gkt+rS35ZOo6fEZIr9R2kKHankxb+60ha2UuBWuSxGAaYrogp2YgXsT3e+4ROmI/kpmG+V"
    "I9EmZWntk+FDQ/Rf3sGbzfogkUlcbSlIcf5jJfal6pt9cmh2DTPLv9ePbdRSt3SdgAsBeJ"
    "rhqKbWYpzId3N6rVR+wLUnyiJlndXqZiWdCw5/A1lSwI8tEk6EApOUqPYRKNlVbjwEEXjP"
    "7LB8jz2WFg/pKcTxAZDokl36NAE1KTypOqme8x7OTHEG2uex1KpLQ13kcTQlyBHjSZauk6"
    "WA65N9U2OKWDPYypQxCVyFPDHoQKHrhNRGDNw+FTqcERHqkZc8fwEFQ+VeFhMUY2saidNP"
    "AJUPkoc30pPqC+ei7pCx3RpLpgOjgpDA1Vb6rfS30YPrHvmHospJ6OeGpkG0yK6u8hVo9n"
    "d9At0YeL4sipJJDGiGjUxXoAuwXXs4lRqS7o25x2qJkLGrawMtyI2teDFTBeY1gRbORllp"
    "6YoqrFZ2Ftb4UyRlWgV70AaSnuSeapNKUxT9XaPDWkjIrxk/icId0Ao2sWvrfvfK6JA3Ju"
    "o8hRkZP2i2L9OGkwWccHmXQFdtB3xNULEoq6EUgtUbM2mmJvoor7dtggOLjiEHxPPIGwB8"
    "qsxUdqliu9L8cHWdUwRomslxKpf5aQNqL2W5M19iwwIn24FT6KKWE5208xwmmqJiqUx+/W"
    "EeiO3xVLdFCXxlpS6ZSayHOC5gXjVwKwq0AqBfCcoHkAb/7YztwRwHIU8WKMM2QVId2kNR"
    "k7FAuSo2AXWzsSJMbgsXGDBxU99fLWIkPOOVdyJCsQ72KqDE8GiqwqZsxLtov7+c3NlxTu"
    "55fZXA8/X51fqCVdM0E1ooELcTGuoI7mpZxJD6mZ7sm+mpceiDXGMjd6oxjnFJFZyFcu5J"
    "I4ZOThaUmYM2QG6JVAm1i+p6zZe2FES7LZd+0nsjlNadhcazZHhron8DlDamzidebzmHok"
    "Z2MEDhcceYoIlvG1UTwFPpU7yhTDGx4cypGkz0PK73/8ShxckGF08YzSfi6JCwGOqTnIBx"
    "BHpjF4JlBXOmDuVu7zFFyOlct182eh9BP0Mc/o1kCQFBDs+V/dL0EvDcKoSg9nEN6e496c"
    "x70vif0FjXYeZ7+Od3MEhxUZsZGmQpwhiFCNomk7qA8pdHSY65g/pCNt4fEEojLPm7mpbn"
    "NPUEZNW5pjNjGnKHfq0UyyY21fRYKmiR63jZu4yua/elbmq3qDW0n8cd3c8k3DV404pKMy"
    "XqCYoh5OoEYFIBsb41NYsRdGCaNeV6UNBafIesyHHxtRsK91V83Ga6uWiL3EiXEJZ/+eh9"
    "O17qSpEG3dWrOXKG3bXLM3IFVpr0mt5Dlmm+xKX2y9Se0v6xpwAqIXAgVkiDKEA6tLG+Hg"
    "BoQwtDxMVxVkKYSj0fBHWKga4gkpMOZsegg4xf2J3hMwClkEuYowPKA9ITO440F3qS90mN"
    "++OKSekMEBbl0W7i1tPYJOv3XHrDFmI8i/BfdB+ILY79Vzhs8cWJXACBUOpRoxPuD2LHN1"
    "RXqTP1w3j1cbJUpCDhqz1N/1tHat9PlKknvFi9Sa0zYmMLlyTP6hyjA1+YdKS0ft0vmHdn"
    "P0L6kJFspZc0VxpZgl5i1XSlm/RFlmQBLRCaIDTzvIGsOUUDGMJCN0AGKNTYW+E1qnC1US"
    "h743i8pZzmVbFY1hUpDufk0yUsqupJTw2yiDcIKkgShX4tuJVpwyMCdpmnderRKYg7RpZU"
    "COKQzEa0G8J6d1fDZh/IFV5YysPB2VR0TuGe2lJ9ASVFs8gRbJGnt7AM0jU3i/PDdMofCW"
    "omnMFRgb09VBOu+FGD3FhZ5Hb4L76+ZHz/mIyuayz5CZTXitTVib+nuCEFb2w0pTmtiUWn"
    "9TehV8CpdThIbJtWby7i4sqNu6afwFtcTU+AtWrUONuK+gZqvButAuu65APQO6/vnLl125"
    "Y8KAsxxPTByKVuyEYXGbNYJcgtbxLWywTcEFAtwlDEF+ffVGagtyiD0ikMgN+UxSB7IkYt"
    "uhjPTzwlqe36m+joA8usSCTIyJ6BS1g7pca9BoSB/1dQSqTyrRAxbhOPNLCXTMS9KJ075j"
    "Ed8RtYMAF1V8+AH1I4Wir0vVny7XSSB10kfP1mOPsTN8CaIPitR43VhV3bHo0VFAGd6EEN"
    "2ywAgFHxFUEqzehMHFBVwQ/U5Tk02yhu4jSR5zzA9dVZqPa9S+Ea6NZYLyxa/dlIy8cGhi"
    "Lid/ubn+FDXPnqTIWIcJfE2lrMNzikYAvgXlHxbfJxnVUoTb0Qq3uZA0SSmMdqGyLE7SGQ"
    "7XmcORTLTI4eLzfkmaepz4a1Tax0h0LOl1S5KZxI+l/G6BbF4a75jM4F0C7+Dau5LhVCmi"
    "jbhnmn5Pl7E7GrtjTYxjz4lTTuSntiYbOXl5Zk0ahHWlJ+ZiwAqNhyGaq+yHPRy2W+ua00"
    "jCjM1zL8SCkU+HV4emwYM+3NvZf4+Cq0HBuhbpIDkR3NUMkRvAHVtPw2B2E8i9a0tcghEl"
    "BJA0VQONRCase29FvfI2OJMTZg9sM0547KmEUhqRGIW0hEKa75pZlih/266ZVlW2raoz5I"
    "fCXyk5JkVj1NDVamgsYz5TD21cZpp2RhFNTa06nZhNZLzJ0bTS+XCKVS2de6dH5g3X0rWC"
    "XBxRLo8gfQ/SKpCndJ7g7w5hMIbdP4REHZ7vkBciaqrjL8Ijr5ASJFfb2vQgd0ynFuHqBz"
    "pwuIUd1P+P+vfy6qp/GIVvEAyJbT8AITRUvQl/CplsqepRWOrraCPuQNiFrteXcgYdj6mQ"
    "HG737Ct5v4+meEKgO2sML+KNIHTDdaOsKAcYaeukemSG8EhNv7Ya0sYzUCh9m8pC9dCogU"
    "YN3P3iadTAhqiBehUrNZkjguZdWbtsbYjgPS0E9zQLLexGZZCN2jdw6m7+hk8lx0hcYoeb"
    "tzfKQY42a4xBjTQGbTH9yN/NU26OPpmjT7XG1IQgrFrizdEnc/Qpz64WZUjOMaolkicXW9"
    "QeEo3WsqaFBJGlKzBxddClRBb3wZL1MKYOQT7zyD2fkODQ0ExVjXRMAWZRD6JDHl3qkfzo"
    "hWqGMSYqY6Kqv2pvLFR7K2kbM0qFZhSPYMFzcnQUnzGMKRrgyt72GUNyD5kR8/yuxYAnaQ"
    "zkpSGnQvilUzuliExip/XugNurS8fM2b+n5krTusETuJymNBnx9oHLZRPiJanMsrneslmP"
    "k211UtYqwdn2Zj3PzxF1l8bGJqhMeGyJ8FjjHjHukVpjatwjq1YI4x4x7pE898gZ8ag1bu"
    "V4R8Ka9jLnCI7brPKNFKNqfA718jncE0/QPDNisQSbIGmgobaaE3tuzq5UjHDYvIHovlrL"
    "mfNqiTPn1aIzR40oc6+tKM5plCDZfkqj3VgyNpa8aEH+2uZm9u3/OSnPDQ=="
)
