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
        DROP TABLE IF EXISTS "point_entry";
        DROP TABLE IF EXISTS "notice";
        DROP TABLE IF EXISTS "notice_ack";"""


MODELS_STATE = (
    "eJztXVtz2zYW/isYvcSeUTSOndsmOztjJ26SNrE7ibrttu5IEAlJWFEAQ4BWNN3898UBSf"
    "EiUhJlUaJY9KGRARyA/A4InBsO/mpNuU0c0bm0JOXsM7G4Z7deob9aDE+J+pFb30Yt7Lpx"
    "LRRIPHA0AdYte17cdCCkp0pV5RA7gqgimwjLoy40BJLre+LNUUCI5JigAZcIS0mmriR2G8"
    "2oHCMqBeK+tPiUdFBXNfKI6+A5/MM9iahQlOp/Dh91YFSbW2pYykZVDeAz+tUnPclHRPXo"
    "qWH++FMVU2aTb0REf7qT3pASJ40p1bjo8p6cu7rsA5M/6Ibw7IOexR1/yuLG7lyOFapRa8"
    "oklI4IIx5Wr6DKpOcDtMx3nJAVEdrBk8ZNgkdM0NhkiH0HGATUwQPEZa1e7+a22/ty3e31"
    "WkvMiygScIdFFmfAePWoQr/9CB7h8fmTpy+evrx4/vSlaqIfc1Hy4nswdAxMQKjhuem2vu"
    "t6LHHQQmMcg4rlMqhvFTaSTkk+sgFFBlk7JOlEP7I4R6iuAjoqOAzSK2Dsfvh0/aV7+eln"
    "6H4qxFdHw3TZvYaac106z5SePD+Fcq6+4eALX3SCfv3QfY/gT/T77c21RpMLOfL0iHG77u"
    "8teCbsS95jfNbDdhLIqDgqUk1jro487ruKZzZZ5u6bMfbyOZumynBYQbUBT0OGrWBpvJjt"
    "4+uZ4m89h7CRHMMn8+zZCib/+/Lzm/eXn09UqwznbsKq86DuewrqYHksA3NMsRXEG3w2B8"
    "T4yfMNIH6S/TZihKEqDfBEvVcZeKP2zZu/F+cbYHtxXogtVKWxdfHc4TgH3h+/3N7kw5sg"
    "ye4B1JLof8ihYmmX3dU0bv1z6LNAHhn41JGUiQ4M+6/W/jcFgCi1H0RAn3y6/C3Lgzcfb6"
    "+yCz10cJVhSChJlZnvCZL9rSctlzAbgDvSRcUmElNnGeYu+VYgUMYUe0T5ANO6e/1bd/W0"
    "Xog6H29v3kXNs3M9DTe1lc7AJWHWvDch8zLTO4d0Jyv7YaX6auQSUJ2Gk4ScDwUDbE1m2L"
    "N7SzX8nBe1Xa6ank+zJZjhkYYOXhLeINJ6fZvKaya9eStPJ45r2ys1YmjXI4uGa/XhW0aQ"
    "bo74UKurEk9d4j0m92oOMaW5QocIuOCgE6XKdgTx7qlFRCcYStecLqvBO+r3jt2x/hiLcR"
    "+U4i/vLx+fP3uOuNKxdad6hEcCqZkida/MRn3XI/c9TdNGgiOiulMP1UZq3yOe/nmn5q9D"
    "4CfinlK6uWcTeHDk8ZlAA4/gidD9W2M1+zqor76hPpriCRFIYa9WcYEWn5g0KnoNVXRBvi"
    "6jekVHhcCGBOuR3WSfqgO0/zg/v7h4cX528fzls6cvXjx7ebbAeLlqFdhXH94B3qlVNGLA"
    "sdhE9qqANMkosldFsm6MrFqTVDsz90paQQKC5unpldiZjElvb1CX1FCMVrI5tCDklLE2Re"
    "2NqWnnpqaFblFmrqeIGrgxPn+6wZx//rRwykNVGuayCBtw14BbJyPHe4Lz/f6LyvZ6E8c4"
    "arfWwtGN9PhHAjlYyNAsccIZAX3/VBsJ5BhLtDAKQAuqdP2hx6ehncFGYsxnYtnQsfvujS"
    "nBmBLKLUZn1SK7Z0uCWfybufhf0cD7lbP0R1UrF/5BotHaVf8STcl0QDw04L5aXSVHWC3H"
    "QqqSYIEezBFmCNtTytCJ1CFY8FDI4lP1Bvbpa8QImJlHPhGC2NrmvLz6VzdMzi7wR6CZQi"
    "2oT3+aXeGAu8Ie9d16r1EXZ2eb2MXOzooNY1CX3gMsjwAevUEpkNNUDcS6EvNChFp5C36a"
    "0ljya23JJ1PX4XNCeqW2gwzV/mTa2m8NWStzKViTJAbTENMlOTUD8TK+P3CP0BH7icw1zB"
    "/UI2Fm5ZntQ0HzXdTPkcH7PZpAUWksTXl4tpD5UvNKvb02OQSb5uWXN5dvr1u5S8IOgL1O"
    "dNVQbDNLYT68h1Gt3mBfkOITNcnq9ioVy4KGPYdvqGRBkI8mQSdKyVF6DJNorLQaBw66YP"
    "RfPkCez04D85fkfILIcEgs+QoFmpCaVJ5UzXyPYSc/hmh33etQIqWt8T6aEOIKNNNkqqXr"
    "YDnk3lTb4JQONhtThyAqkaeGPQkVPHCbiMCah8OnUoMjPFIz5o7hIah8qsLDYoxsYlE7ae"
    "AToPJR5vpSvEZ99VzSFzqiSXXBdHBSGBqq3lS/l/owfGLfMfVYSD0d8dTINpgU1d9DrB7P"
    "7qAvRB8uiiOnkkAaI6JRF+sB7B5czyZGpbqgb3PaoWYuaNjCynAjal8PVsB4jWFFsJGXWX"
    "piiqoWn6W1vRXKGFWBXvUCpKW4rcxTaUpjnqq1eWpIGRXjrficId0Bo2sWvnfsfK6JA/IN"
    "Vxo8BTvGW5x7yibdoL1SU1407dl4w7M2l0ibZx6J0GkowDsY7AgIC50UQkeQBGdj+BCBwq"
    "d6R8PAuTgm08CHGHXjcAs7OT7JKoa5Y/D9nAa6NcxP7hBVd3H2GEhjOCAYRmnd6TM9CbTG"
    "SgDg3vx0AycnAGucnIfUWsOpvbwYFwWe5mmtqQW4WbssrKhZb5r6iGSOTFgsoMcU9RDRG6"
    "UtBbmBthIrMqRGfqydXGGccMYJV0NH0Xon3KHkXy21/SK0pJUj/cbVa2Rf3bDnRy3XS74M"
    "YUvvc9Fx8Pef0YwMIkESnfS/+mzkY6ZLoWOkvv3+aZAdzcVCzNRaDB6TCXFVJ8yZL8u9FQ"
    "xyx5TEDAF83oizcwShpoFoq3roQA+iUJA1gusBBVdgjf69BG2xbS5J0zjHy+7P6ETfS/nj"
    "UFnCBvphTKCekWS3lWR9196SzWlKw+ZasxlscBBqQ9kWnF4iNkbvuvG6JkbvRWBejsSfDN"
    "orFveTUYKbGLmT51866C1xtRcORd0IsEXP22iKvYkq7tthgyBbk0PwPZissQcRXBYfMSqI"
    "nXfwpqphjChfL1G+rBi/WxF+Awf7EcvwwUcxJSxnAypGOE3VQOn9yfnLTaIYzl8WhzFAXR"
    "prSaVTaiIvCJqXgaYSgF0FUimAFwTNA3j3uaoW0e8sJ/qsGOMMWUVIN2lNxg7FgpTyICZI"
    "6uFCbFSUHxU99fLWMkOuOFdyJCsQ72KqDE8GiqwqZixK9ov71e3txxTuVx+yCY5/+XR1rZ"
    "Z0zQTViAYekeXDdHWMqcyZ9HAfwT2paopXHVM5I9YYy1xvaTHOKSKzkK9dyCVxyMjD05Iw"
    "Z8gM0GuBNnbxbdbsozCiGbv4347NkaFuCz5nSI1NvM58HlOP5GyMxdGlC4IHxpceD0/D8N"
    "ISnoQY3jBbVo4kfRVS/vDTZ+Lggmu1lhNzHeeSuBSslZqDfAAh6hqDBwL1SYfaf5HHPAVX"
    "Y+VymhvYXAaln6GPxTUmDQRJAcEe/tX9GvTSIIyq9HAG4aQ57s1FnOmKUEbQaBdxrRsd4Y"
    "EMfYzYwekYxJk+PhOlkOigPuSN17kdxnyWTi8Bjwfnb/K8mbvqNvdETdS0pTlmE3Oq5qAe"
    "zSQ7NvZVJGia6HHbuYmr7KUPD7ruod7gVhKMWDe3fNPwVSMO6aiMFyimqIcTqFHnyIyNcR"
    "tWHIVRwqjXVWlD6UPyD8Rq6XB+ExELTuz3mK8P7u/CJHGju2o2Xnu13RwlToxLSMTwMJxu"
    "dCdNhWjv9q2jRGnfBq6jAalKC1dqJc8xdGVX+mJ7V2p/2dTkFRA9EiggQ5QhHNip2pBQRi"
    "dbDYLxw1stgsuMIIMq/BEWqoZ4QgrMX7seApK9vqP3BMxoFkGuIgzzuE7IHK6C1l3qe5/1"
    "rwGXaEg9IYM8r7os3FvaegR9S8cds8aYjeCaDrg22hfEfqWeM3zmwA4HZrtwKNWI8QG355"
    "lsOOlNfpNMOPq6jzZKlIQcNIa8v2tS11pZQCq5AyRepDactjGByeZhrimoDFOTIaW0dNQ+"
    "kgwpSU2wUM5aKIprxSyxaLlWyvo1SkYPkohOzxfEJoCsMUwJFcNIMkInINbYVLgOnmvpAy"
    "QOahMmqQwT7KXErIrGMDeVHX5NMlLKoaSU8Nsog3CCpIEoV+INi1acMjAnaZp3wq8SmIPb"
    "VcqAHFMYiDeC+EjON/lswviMVeW+rfzWCo+I3FPtK8/sJaj2eGYvkjWO9sieR6bwfnlumE"
    "LhLUXTmJuyd6ar6/w+IUbbBB3k0ZvjEHWLPMj5iMpeeZshM5vwRpuwNvX3BCGs7IeVpjTR"
    "PLX+pvQquA2XU4SGybVm8uHuNa7bumn8BbXE1PgL1q1DjbjWuGarwabQrrrVWD0Duvnl48"
    "dDuWPCgLMcT0wcilbshGFxmw2CXILWOte7rURqBNsU3DPMXcIQXMOr3khtQQ6xRwRS3yGf"
    "SepAXklsO5SRfl5Yy8M71bcWk28usSB3ZSI6Re2gLtcaNBrSb/rWYtUnlWiGRTjO4u5iHf"
    "OSdOK071jEd0TtIMBFFZ++Rv1IoejrUvWny3XaTBRch6LHHmNn+BhEHxSp8bqxqrpj0aOj"
    "gDK8MDm6jJkRCj4iqCRYvQmD+425IPqdpib/Zg3dR5J8yzE/dFVpPq5R+0a4NlYJyte/dV"
    "My8tIxk4Wc/PH25l3UPHv2JGMdJvA1lbIOLygaAfgelH9YfLcyqqUI96MV7nMhaZJSGO1C"
    "ZVmcpDMcrjOHI5lomcPFJySTNPU4I9moRJmR6FjS65YkM6kyS/ndAtm8NN4xmcG7BN4W9g"
    "XplQynShHtxD1To1ulKpHPjN3R2B1rYhx7SJxyIqO3NdnJyctLa9IgrCs9MRcDVmg8DNFc"
    "Zz/s4bDdWhviLSMokjBj89wjsWTk0+HVoWnwpK94T/qvEB7K8CxapIPkRHBXM0RuAHdsPQ"
    "2D2U0g96EtcQlGlBBA0lQNNBKZsO6jFfXK2+BMFp0jsM044bGnEkppRGIU0hIKab5rZtXV"
    "Avt2zbSqsm1VfadAKPyVkmNSNEYNXa+GxjLmA/XQxmWmaWcU0dTUqtOJ2UTGmxxNK50Pp1"
    "jV0rl3emTRcCNdK8jFEeXyCNL3IK0CeUrnCf7uEAZj2P1TSNTh+Q55JKKmOv4iPPIKKUFy"
    "ta1dD3LHdGoRrv5BJw63sIP6/1H/Pf70qX8ahW8QDKmAXwMhNFS9CX8KuX+p6lFY6utoI+"
    "5A2IWu19eYBh2PqZAc7kPtK3m/j6Z4QqA7awwv4o0gdMN1o6woJxhp66R6ZIbwSE2/thrS"
    "xnNQKH2bykL10KiBRg08/OJp1MCGqIF6FSs1mSOC5l3yu2ptiOB9UQjuiyy0sBuVQTZq38"
    "Cpu/s7UZUcI3GJHW7R3igHOdqsMQY10hi0x/QjfzdPuTn6ZI4+1RpTE4Kwbok3R5/M0ac8"
    "u1qUITnHqJZInlxsUZslGm1kTQsJIktXYOLqoA8SWdwHS9ZsTB2CfOaRez4hwaGhuaoa6Z"
    "gCzKIeRId8c6lH8qMXqhnGmKiMiar+qr2xUB2tpG3MKBWaUTyCBc/J0VF8xjCmaIAre99n"
    "DMk9ZEbM87sWA56kMZCXhpwK4ZdO7ZQiMomdNrs176iuaTNn/7bNlaZ1gy24nKY0GfGOgc"
    "tlE+IlqcyyudmyWY+TbXVS1irB2fbmPc/PEXVXxsYmqEx4bInwWOMeMe6RWmNq3CPrVgjj"
    "HjHukTz3yCXxqDVu5XhHwpr2KucIjtus840Uo2p8DvXyOdwTT9A8M2KxBJsgaaChtpoTe2"
    "7OrlSMcNi8geg+2ciZ82SFM+fJsjNHjShzr60ozmmUINl/SqPDWDJ2lrxoSf7a52b2/f+Z"
    "ZZ1u"
)
