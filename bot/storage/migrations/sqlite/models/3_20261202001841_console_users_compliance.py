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
    "eJztXVtv2zgW/iuEXyYBUiNx2jQ7s1jASdM2M2myaNxtMZOBQlu0rY1MuiQV15jtf99DSr"
    "Kuvsi1bFnDlzYmzyGl7/BybqT+aoyYTVzRbPekw+hH0mPcbvyM/mpQPCLwR279EWrg8Tiq"
    "VQUSd13NgDWlxSPSrpAcSqGyj11BoMgmosedsSJULFfPhE+Rz4jkkKAukwhLSUZjSewjNH"
    "HkEDlSIObJHhuRJuoAESdjF0/Vf4xL5AjghH9cNmiqXm3Wg24dOiirA486Xz1iSTYg0CKH"
    "bv74E4odapNvRIQ/x09W3yFuElNH46LLLTkd67JrKt9qQvXsXavHXG9EI+LxVA4B1ZDaoV"
    "KVDgglHMMrQJnknoKWeq4biCJE23/SiMR/xBiPTfrYc5WAFLf/AFFZw7Ju7zrW/VXHshoZ"
    "4YUcMbiDoh6jSvDwqEK//UA9wovWycvXL89Pz16eA4l+zFnJ6+9+1xEwPqOG57bT+K7rsc"
    "Q+hcY4AhXLLKhvABvpjEg+sj5HClk7YGmGf6RxDlFdBHRYsBukF8DYuf5wdd9pf/i3an4k"
    "xFdXw9TuXKmali6dpkoPzg5VOYM57M/wWSPo83XnPVI/0e93t1caTSbkgOseI7rO7w31TN"
    "iTzKJsYmE7DmRYHBYBaSTVAWfeGGRmk6x0L4eY50s2yZWSMEC1gkwDgS0QabSYbWP2jPA3"
    "yyV0IIdqyrx6tUDI/2l/vHzf/ngAVCnJ3QZVLb/uewJqf3ksAnPEsRbEK0ybHWJ8crYCxC"
    "fpuREhrKqSAD/BexWBN6Sv3/g9ba2A7WlrLraqKontGE9dhnPg/fX+7jYf3hhLeg9wehL9"
    "D7mOyOyymxrGjX/2PerrI13PcaVDRVN1+6/G9jcFBVFiPwiBPvjQ/pKWweXN3UV6oVcNXK"
    "QEEmhSRcZ7jGV760ljTKitgNvTRcUmEjtuFuYO+TZHoYw4tojyDoZ15+pLZ/Gwnqk6N3e3"
    "70Ly9FhPwu3YYDMwSWhvaj2RaZHhncO6kZV9t1p9OXqJMp36TzE9XxV0ce9pgrltZWpYi8"
    "2jzVaNWqN0CaZ4oKFTL6neILR6PduRV1TyaSPPJo5qjxZaxIrOIjPCpfbwHSVIkyPW1+aq"
    "xKMx4S/IM4whCparahApKbjoAEzZpiD82ekR0fS70jWHWTN4Q+0+0Af6OMRi+KiM4vv37R"
    "etV2eIgY2tG9U9/CQQjBSpW6U2ehxz8mxpniMkGCLQHDzUEYJ9j3D95wOMX5eoPxHjYHQz"
    "bhP14IiziUBdTvCT0O33hjD6mugR5tAjGuEnIhBgD6u4QLMpJo2JXkETXZCvWVQvnMFcYA"
    "OG5ciusk9VAdp/tFqnp69bx6dn569evn796vx4hnG2ahHYF9fvFN6JVTQUwL74RLZqgNTJ"
    "KbJVQ7JqgizbkoSdmfGCXhCfoX52eil+JuPS2xrUBS0UY5WsDq1Scop4m0J642rauKtpZl"
    "sUGesJphpujGcvVxjzZy/nDnlVlYS5KMIG3CXgVsnJ8Z7g/Lj/rPJouYtjGNIt9XB0Qjv+"
    "J4FcLGTgljhglCh7/1A7CeQQSzRzCigKB2z9PmejwM9gIzFkE5F1dGy+eeNKMK6EYovRcb"
    "nIbtmTYBb/ei7+F44f/cpZ+sOqhQt/N0a0dNVvoxEZdQlHXebB6ioZwrAcCwkl/gLdnSJM"
    "EbZHDkUHUqdgqYdCPTaCN7APf0GUKDfzwCNCEFv7nLOrf3nd5OwCf/iWqapV5tOfZlfY4a"
    "6wRXu32mvU6fHxKn6x4+P5jjFVl9wDepwoPKxuIZCTXDXEuhT3QohacQ9+ktN48ivtySej"
    "scumhFiFtoMU1/Z02spvDWkvcyFY4ywG0wDTjJ6agjiL71vGiTOgv5GphvkaHgnTXp7bPl"
    "A034Xt7Bm838MBFJZG2hTHk5nOlxhX8Pba5eBvmu37y/abq0bukrABYK9iTdUU29RSmA/v"
    "bkyrS+wJMv9ETbz6aJGJ1VOElstWNLJUko9mQQdg5IAdQyUaglXjqoMuGP2XdRH36KHv/p"
    "KMPSHS75Oe/Bn5lhAMKi6BzOMUu/k5RJtrXqcSgbXGHtETIWOBJpoNKMculn3GR9oHBzbY"
    "ZOi4BDkScej2IDDwVNhE+N48HDwVdI7wAEbMA8V9ZfJBBcdiiGzSc+y4g08ok8+hY0+KX9"
    "AjPJf0hM5ogiaoTk4KUkPhTfV7wcTwiP1A4bEQPB3h0LOtXIrwu4/h8ewmuif6cFGUORUH"
    "0jgRjblYDWC3EHo2OSrlJX2b0w4VC0GrLayINEL6aohC9VcbUfgbeZGlJ+Ioa/HJrO2NQM"
    "coC/SyFyCtxa3lnkpyGvdUpd1TfYc6YriWnFOsGxB0xdL39l3OFQlAXjKw4B3lx3iDc0/Z"
    "JAmOFlrKM1LLxiuetWkj7Z75SQRBQ6Gig/6OgLDQl0LoDBL/bAzrI2XwQeuo7wcXh2Tkxx"
    "DDZlzWw25OTLKMbh6omj+Hvm2txidzCdSdHr9QrBEcKhkGrO7kmZ4YWkNQABifHq4Q5FTA"
    "miDnLq3WYGhnF+N5iad5VmtiAa7XLqtW1HQ0DSaRzNEJ5yvoEUc1VPRaWUv+3UBrqRUpVq"
    "M/Vk6vMEE4E4SrYKBoeRBuV/qv1to+Ca1p5Wi/UfUS3VcTWl5IuVzzpQj39D4XHgd//xFN"
    "SDdUJNHB41ePDjxMdalqGMHcfzz0b0cbYyEmsBariMkTGUMj1J1m9d4SOnmgoDGrBD4+YL"
    "SFVKqpr9pCC03VgpiryBrFdYeKqxKN/jsD7XzfXJyndoGXzZ/RCedL8eNQacYaxmFMop7R"
    "ZNfVZL2xvaaYk5xGzJUWs/LBqVQbh64h6QyzcXpXTdYVcXrPEvNyNP540t58dT+eJbiKkz"
    "t+/qWJ3pCxjsKhsBmhfNHTIzTC/AmKH+2AwL+tySX4WbmsMVcZXD02oI4gdt7Bm7K6Map8"
    "tVT5omr8ZlX4FQLse6zD+5NiRGjOBjQf4SRXDbX3k9b5KlkMrfP5aQyqLom1dKRbaCDPGO"
    "p3A00pAI8BpEIAzxjqB/Dm76qaZb/TnOyz+Rin2EpCuk5rMnYdLEihCGKMpRohxFpl+TnC"
    "gpfvZQVywRjokXSOehdxpWTSBbayhDEr2S7uF3d3NwncL67TFxx/+nBxBUu6FgIQOX5EJH"
    "uYroo5lTmDXn2P4JmUNcTLzqk0nsR1RvleuB2MJ/FvJ+bQtbGGnFOsxotYNTkX8CJGAyK4"
    "KSdnF70ION/+9pG4eM4ndbKX8uzn5M4kaiRmDeuq9FSNwQ8C9UGn2d7L1dIbqzlBFmMFSN"
    "AfH1Cf/VZqhFGZjns/SyrHaz9Ln1qQoTPE0pqla62Uma4unqLE9pO+ERhzKis8PBndRI/q"
    "OmR9ZHnIJslT0+rxVFp5npN+U83mJoqHpA0tMZuYZPGdOurj4ljZBRfjqaMjefOWW8G7zH"
    "/oFvNqg1tKjk3Vok11wxd67DuDIs7NiKMavs1aHY8wjqB1RGEsx7+15Zg8+/mDWGXOnNYR"
    "seAg6jbN7L3Eadt29t6AVKahHR9XOeZ2atjNN7r9QW6JGeVSs/tzeANZl0n/TLbvlFL3QP"
    "vHsoPLx+AXDkzogzH8th0BltNU28jqSjD9TUVHTnM+xFhSH+Z66mob4+Z66jKvpw7mRhGE"
    "Yyw1RLkUWzFccYrAHOepX1pXKTD7V2oWATniMBCvBPGeJLV49AksSFqWc6P0qwrBYs5NZV"
    "6YqBXj2mKiVqhr7G2eFicj9X55Rt1c5S3BU5vPI23sHnl9qCvAaB2XXB6/yeioml8uZxIV"
    "/c5Jis1swittwn2Hw/wQhNCiEyvJaXzdlZ5TehVcR8oJRiPkSgt5dx+zqdq6ab5lU0lMM9"
    "E3c41WHb9lU7HVYFVoF33KBp4B3X66udnVLWVh9ConFBMLbM0Pw0xiRCt9wSZgQA7VcRKX"
    "2APCm+haIv9mzuB7MB7l5JmpuwQwtdEUqoBMfXuGhi2IJvk2djjJ/5JNOd2Y2wqqFXcJgo"
    "AFwy9JrvrdXGCCMHtrNXOvWGwgpK8hvps/VM8JFizHUO2Qb3NdqCHHFuMCZQUEFlmkV186"
    "CWM0k+04M0hv7m7fheTpFMjUHQbPKjzYyxnP8wGP8xjIC0PuCOEV9m8mmIx3s4aXQ25TFa"
    "mT3yuwDda6zT7OacJC+yDlolGhOJdZNldbNvUXbwuaawmm2l1pVArONp9a3MtRdRfmZsS4"
    "zCU6BZIzTHjEhEcqjakJjyxbIUx4xIRH8sIjbcKd3rCREx0Jao4WBUdwRLMsNjIfVRNzqF"
    "bMQd1k7eS5EedrsDGWGjpqS9Fg1aQqgHBAXkN0T1YK5pwsCOacZIM50KPMzd1eeDGAzE/c"
    "3sLNALvxZGzsDoACh8M3v5l9/z/8WbI1"
)
