from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "console_user" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "username" VARCHAR(64) NOT NULL UNIQUE,
    "password_hash" VARCHAR(255) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "last_login_at" TIMESTAMPTZ
);
COMMENT ON TABLE "console_user" IS 'An account of the HR web console (`qunguan web user add`). The password is kept only';
        CREATE TABLE IF NOT EXISTS "compliance_day" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "day" DATE NOT NULL,
    "counts" JSONB NOT NULL,
    "recorded_at" TIMESTAMPTZ NOT NULL,
    "group_id" INT NOT NULL REFERENCES "chat_group" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_compliance__group_i_3a47a4" UNIQUE ("group_id", "day")
);
COMMENT ON TABLE "compliance_day" IS 'A group''s members by status as its last audit of one day found them (the group''s local';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "console_user";
        DROP TABLE IF EXISTS "compliance_day";"""


MODELS_STATE = (
    "eJztXW1z2zYS/isYfYk9o2hsOXFy6c3N2ImbuE3sm1i9dlp3aIiEJJ4oQCFAK5pe/vthQV"
    "J8l0hHlCgWXxIZwALks8Bi3wD+1Zkxizi8d2EKm9HPxGSu1XmD/upQPCPyR259F3XwfB7V"
    "QoHAQ0cRYNXScKOmQy5cWSorR9jhRBZZhJuuPYeGQHL1SNwl8gmRmBA0ZAJhIchsLojVRQ"
    "tbTJAtOGKeMNmM9NBANnLJ3MFL+I+5AtlcUsp/HDbuwagWM+WwNh3XNYBH7S8eMQQbE9mj"
    "K4f5409ZbFOLfCU8/HM+NUY2cZKY2goXVW6I5VyVXVPxo2oIzz40TOZ4Mxo1ni/FRKIatr"
    "apgNIxocTF8hVkmXA9gJZ6jhOwIkTbf9Koif+IMRqLjLDnAIOA2n+AqKxjGDe3A+PuamAY"
    "nQzzQooY3EGRySgwXj4qV28/hkd43j998erF67PzF69lE/WYq5JX3/yhI2B8QgXPzaDzTd"
    "Vjgf0WCuMIVCyyoL6T2Ah7RvKR9SlSyFoBSS/8kcY5RHUd0GHBfpBeA+Pg+tPV3eDi07+h"
    "+xnnXxwF08XgCmr6qnSZKj06P4ZyJtewv8JXnaBfrwcfEPyJfr+9uVJoMi7Grhoxajf4vQ"
    "PPhD3BDMoWBrbiQIbFYZFsGnF17DJvLnlmkSx3306wm8/ZJFWKwxKqEjwNGLaGpZEw28Xq"
    "meGvhkPoWExgybx8uYbJ/7n4/PbDxecj2SrFuZugqu/XfUtA7YvHKjBHFE+CuMSy2SPGp+"
    "clID5Nr40IYahKAjyV71UF3rB9++bvWb8Etmf9QmyhKontHC8dhnPg/enu9iYf3hhJeg+w"
    "TYH+hxybZ3bZbU3jzj9HHvX1kaFnO8KmvAfD/quz+00BIErsByHQR58ufkvz4O3H28u0oI"
    "cOLlMMCTSpKvM9RrI7edKZE2oBcAcqVCwisO1kYR6QrwUKZUSxQ5T3MK0HV78N1k/rlarz"
    "8fbmfdg8PdeTcNuWtBmYINRcGlOyrDK9c0i3Itn3q9XXo5eA6TSaxvR8KBhic7rArmVkal"
    "ifFbXNVs36s3QJpnisoIOXhDcIrV7PssUVFe6yk2cTR7XdtRYxtDPIquFGe/iWEqSaIzZS"
    "5qrAszlxn5NHOYeotFyhQwRccNCRNGV7nLiPtkl4zx9K1RxnzeAt9XtP7+nDBPPJAxjFdx"
    "8unvdfniMmbWzVqRrhGUdypgjVK7XQw9wlj4ai6SLOEJHdyYfqIrnvEVf9vJfz1yHwEzFX"
    "Gt3MtQg8OHLZgqOhS/CUq/7NiZx9PfQg19ADmuEp4UhiL6U4R6slJrSJ3kATnZMvWVQv7X"
    "EhsAHBZmTL7FNNgPYf/f7Z2av+ydn565cvXr16+fpkhXG2ah3Yl9fvAe+EFA0ZcCg+kZ0a"
    "IG1yiuzUkGwaI+u2JOXOzNyKXhCfoH12ei1+Ju3S2xnUFS0UbZWUhxaUnCreprC9djVt3d"
    "W0si2qzPUEUQs3xvMXJeb8+YvCKQ9VSZirIqzB3QBuk5wcHwjOj/uvKrubXRyTsN1GD8cg"
    "tOOfceRgLgK3xBGjBOz9Y+UkEBMs0MopAC1saeuPXDYL/AwW4hO24FlHx/a7164E7UqoJo"
    "xO6kV2x54ELfzbKfwvbT/6lSP6w6q1gn8Ya7RR6l+gGZkNiYuGzJPSVTCEpTjmQpb4Anq4"
    "RJgibM1sio6ESsGCh0Imm8k3sI5/QJSAm3nsEc6JpXzOWelf3zA5u8AfvmUKtWA+/al3hT"
    "3uCju0d5sto85OTsr4xU5Oih1jUJfcA0yXAB7GsBLISaoWYl2LeyFErboHP0mpPfmN9uST"
    "2dxhS0KMSttBimp3Om3jt4a0l7kSrHESjWmAaUZPTUGcxfdH5hJ7TH8mSwXztXwkTM08t3"
    "2gaL4P+zkweL+FEygsjbQpFy9WOl9iXsm3Vy4Hf9O8uHt78e6qkysStgDsVayrlmKbEoX5"
    "8O7HtHqLPU6KT9TEq7vrTCwTGhoOK2lkQZKPIkFH0siRdgwVaCKtGgcOumD0XzZErkePff"
    "eXYGyKyGhETPEG+ZaQnFSukM08l2InP4doe92rVCJprbEHNCVkztFCkcmWcweLEXNnygcn"
    "bbDFxHYIsgVy5bBHgYEHYRPue/Nw8FRycITHcsbcUzwCk09WuJhPkEVM24o7+DiYfDade4"
    "L/gB7kcwmPq4wm2QVVyUlBaqh8U/VecmF4xLqn8rGQfDriypEtcCnKv0dYPp7VQ3dEHS6K"
    "MqfiQGonojYXmwHsDkLPOkelvqRvfdqhYSFo2MKqcCNs3wxWwHitYYW/kVcRPRFFXcInI9"
    "s7gY5RF+h1CyClxT3JPZWk1O6pRrunRja1+eRJfE6RboHRDUvfO3Q+NyQA+ZZJC94GP8Y7"
    "nHvKJtmgu9ZSXjU1LFzyrM0FUu6ZZzwIGnKIDvo7AsJcXQqhMkj8szFshMDgk72jkR9cnJ"
    "CZH0MMu3GYiZ2cmGQdw9xTWD/Hvm0N85M5RNadnTwH0ggOSIaRVnfyTE8MrYlUAJi7PC4R"
    "5ARgdZBzn1ZrMLWzwrgo8TTPak0I4HbtsiBR09E0uYhEjk5YrKBHFM1Q0VtlLfl3Az1JrU"
    "iRav2xcXqFDsLpIFwDA0Wbg3D70n+V1vYLV5pWjvYbVW/QfVVDwwtbbtZ8KcKm2ufC4+Af"
    "PqMFGYaKJDp6+OLRsYepKoWOkVz7D8f+7WhzzPlCymKImEzJXHZCnWVW761hkHsqNWZI4H"
    "PHjPYRpJr6qq3soQc98EJFViuue1RcgTXqdwbaYt9cnKZ1gZftn9EJ10v141BpwhbGYXSi"
    "ntZkn6rJenPriWxOUmo2N5rN4IODVBubPoHTGWLt9G4arxvi9F4l5uVo/PGkvWJ1P54lWM"
    "bJHT//0kPvyFxF4VDYDQdf9LKLZtidyuIHK2jg39bkEPwILmvsQgaXycbU5sTKO3hT1zBa"
    "lW+WKl9Vjd+uCl8iwH7AOry/KGaE5mxAxQgnqVqovZ/2X5fJYui/Lk5jgLok1sIWTqWJvC"
    "Jo3w00tQA8lyBVAnhF0D6At39X1Sr7neZknxVjnCKrCek2yWTs2JiTShHEGEkzQoityvKz"
    "uSFf3swy5JIxqUfSAvUuokrxZCjJ6mLGqmS3uF/e3n5M4H55nb7g+JdPl1dSpCsmyEa2Hx"
    "HJHqZrYk5lzqSH7xE8krqmeN05ldqT+JRZfhBuB+1J/NuxOXRtPIHPKVLtRWwanyt4EaMJ"
    "EdyUk7OLXgaUP/78mTi44JM62Ut5DnNxZxI1EquGDSE9VWHwnUB9Umm2d6JcemMzF8h6rC"
    "QS9Psn1K9+Ly3CqE7HvZ8lleO1X6VPrcnQmWBhrNK1SmWmw8VTlFh+0jeSxhxkhYcno3vo"
    "Aa5DVkeWJ2yRPDUNjwdp5XlO+m11m5soHjbtKI5ZRCeL79VRH2dHaRdcjKaNjuTtW24V7z"
    "L/rlvMmw1uLTk2TYs2tQ1fOeLIHldxbkYUzfBttup4hHYEPYUV2nL8W1uOybOf34lV5sxp"
    "GxHzD6Ia1FPnUbdhbd+ortqN107dEgeJ0679EgcDUp2OicQCzPFPpBdosZsiIRbKeip8om"
    "cc+WTIpgj77oUuHG9XV7/5qYHBHdv+pxXgPjf4IyiUDfGUFHgttj0EXD333n4k4P0wCZpL"
    "wuBWuSlZwocpVZfqK5Tq15AJNLJdLvxb51RZIBK6agR1Z/g9NSeYjuHScPiIpceJ9UY+Z/"
    "DMvvsEvC3BULIRZUNmLVNn85Oyucy5fHX5eBfFSgIOav/L3/WKuUYZrrXcSB4JqZLTNiLQ"
    "Z4v1pcm1YarPa1fWjroHcl47rsAX6lkr/X6jmsVXLTdqWb+GV+OCJqIuC/KjpaBrjBJKxS"
    "jUjNARqDWWzecOXirtAzQO9bFvWyxzvhBe0xj6uyn7l0laS9mXlhKsjSoIx0haiHItQYxQ"
    "4lSBOU7TvvMGtcDs3/VeBeSIQkNcCuIDybb26JSyBa0r6lb7Hdou4bln7NaeIIhR7fAEQa"
    "hrHOwBApfM4P3yvOeFyluCpjXf7dyara5uGwgwekqsOI9epxo3LWCcs4iqfoAvRaY34VKb"
    "sHL1G5wQWnVhJSl1Ekaj15SSgk/hcoJQM7nRTN7fVxabJjd1vKCRmOp4wSY51IqPLDZMGp"
    "SFdt03FuUzoJtfPn7cVzgmTBPKCcXEMoiKwzCLWKNSn1YMCML8EIdYY+L20LVA/pXxwYcK"
    "PeqSRwaXXEFqyFJWjVUeCdxzG+RH9cjXue2S/E8s1jOMvkarWXGXIAhYMfySpGrflVo6CH"
    "OwVrPrVYsNhO1biO/2b3tyCeYsx1AdkK+FLtSQYodxgboCAuss0qvfBgljNHMMZ2WQfry9"
    "eR82T5/NSV2u9QjhQTNnPhcDHqfRkFeG3Obcq+zfTBBp72YLby3fpSrSJr9XYBs86TNLcU"
    "odFjoELleNCsWptNgsJzaxx0lVcy1B1Lq7NmvB2XKXhuvlqLprczNiVPp2xwrJGTo8osMj"
    "jcZUh0c2SQgdHtHhkbzwyAVxbXPSyYmOBDXddcERHLXZFBspRlXHHJoVc4BPrNh5bsRiDT"
    "ZG0kJHbS0aLCyqCggHzVuI7mmpYM7pmmDOaTaYI0cUubnba2+sEvmJ2zu4smo/noytXU5V"
    "4dai7W9m3/4PBsUlwg=="
)
