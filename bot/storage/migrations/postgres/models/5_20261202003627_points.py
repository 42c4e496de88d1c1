from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "point_entry" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "member_key" VARCHAR(300) NOT NULL,
    "display" VARCHAR(255) NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "rule" VARCHAR(32) NOT NULL,
    "delta" INT NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    "key" VARCHAR(255) UNIQUE,
    "employee_id" INT REFERENCES "employee" ("id") ON DELETE SET NULL,
    "group_id" INT NOT NULL REFERENCES "chat_group" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_point_entry_month_368259" ON "point_entry" ("month");
COMMENT ON TABLE "point_entry" IS 'One change in the points ledger (`points.enabled`): a rule''s points for a member, in';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "point_entry";"""


MODELS_STATE = (
    "eJztXVFz2zYS/isYvcSeUTSOndi55OZm7NRtfI3tTuxee607FCRCEk4UwAKgbU0v//2wIC"
    "mSEimJtihTPPShsQgsSH4LAthvF4u/WhPuEk92TvuKcvaV9LlwWx/QXy2GJ0T/kVveRi3s"
    "+0kpXFC45xkBbGo6Iqnak0roq7pwgD1J9CWXyL6gPlQEkfN7IqYoFERqRFCPK4SVIhNfEb"
    "eNHqgaIaok4oHq8wnpoFtdSRDfw1P4hwuFqNSS+n8eH3bgri7v69tSNqzqBgGjfwbEUXxI"
    "dItC3+b3P/RlylzySGT80x87A0q8LKbU4GKuO2rqm2sXTH1vKsKz95w+94IJSyr7UzXSqM"
    "a1KVNwdUgYEVi/gr6mRADQssDzIlXEaIdPmlQJHzEl45IBDjxQEEiHD5BcaznO1fWtc3N+"
    "6zitBeXFEim4o0t9zkDx+lGlefshPMLrwzdvT96+Pzp++15XMY85u3LyLbx1AkwoaOC5um"
    "19M+VY4bCGwTgBFatFUL/T2Cg6IfnIhhJzyLqRSCf+Yx7nGNVlQMcXXgbpJTDeXlye39ye"
    "Xv4EzU+k/NMzMJ3enkPJobk6nbu6d7wP17n+hsMvfNYI+uXi9jOCn+i366tzgyaXaijMHZ"
    "N6t7+14JlwoLjD+IOD3TSQ8eX4kq6aaHUoeOBrnblkUbufRljkazYrNadhDdUaOo0UtkSl"
    "yWC2ja9ngh8dj7ChGsEn8+7dEiX/6/Trp8+nX/d0rTnNXUVFh2HZtwzU4fBYBuZE4kkQr/"
    "HZvCDGb47XgPjN/LeRIAxFWYDH+r3KwBvXb17/PTpcA9ujw0JsoSiLrY+nHsc58P7z5voq"
    "H96UyPwcQPsK/Rd5VC7Mspvqxq2/DwIWrkd6AfUUZbIDt/1Ha/uTAkCUmQ9ioPcuT3+d18"
    "GnL9dn8wM9NHA2p5BoJVWmv6dEtjeetHzCXABuRwcVlyhMvUWYb8ljwYIykdgiyi/QrW/P"
    "f71d3q1nS50v11c/xNXn+3oWbupqm4ErwvpTZ0ymZbp3juhGRvaXXdVXsy4B02kwTq3z4U"
    "IP98cPWLjOQgk/5EV1F4smh5P5K5jhoYEOXhLeILZ6A5eqc6bEtJVnEyel7aUWMdRzyKzi"
    "Snv4mhFkqiM+MOaqwhOfiNfkXvchpi1XaBCBFjy0p03ZjiTinvaJ7IS3MiX7i2bwhtq9Y3"
    "esO8Jy1AWj+Obz6evDd8eIaxvbNGru8Eoi3VOUaZW5qOsLcu8YmTaSHBHdnH6oNtLzHhHm"
    "zzvdfz0CfyIutNHNhUvgwZHgDxL1BMFjadrvj3Tv66Cu/oa6aILHRCKNvR7FJZp9Ysqa6D"
    "U00SX5cxHVMzosBDYSWI3sOvNUHaD92+Hh0dHJ4cHR8ft3b09O3r0/mGG8WLQM7LOLHwDv"
    "zCgaK2BXOJGtGiBNIkW2akjWTZFVW5J6ZuaiJAsSCjTPTq+EZ7KU3tagLmmhWKtkfWhhkV"
    "OGbYrrW6pp41TTzLYo09czQg2cGI/frtHnj98WdnkoysJcFmEL7gpw60RyfCY43+8/K2yv"
    "pjhGcb2VDMdtbMe/ksjDUkW0xB5nBOz9fUMSqBFWaEYKQA2qbf2B4JOIZ3CRHPEHuUh0bL"
    "55SyVYKqHcYHRQLbJbZhLs4N/Mwf+Mht6vnKE/Llo68PdSlVaO+qdoQiY9IlCPB3p0VRxh"
    "PRxLpa+EA3RvijBD2J1QhvaUCcGCh0J9PtFv4O5/RIwAzTwMiJTENZzz4uhf3W1yZoHfQ8"
    "sUSsF8+sPOCi84K2zR3q33GHV0cLAOL3ZwUEyMQVl2DugLAng4vVIgZ6UaiHUl9EKMWnkG"
    "PytpmfxaM/lk4nt8SohTajqYk9remrb2U8M8y1wK1rSIxTTCdGGdOgfxIr7fc0HokP1Ipg"
    "bmC/1ImPXzaPtooflD3M6Owfst7kDx1WQ1JfDDbM2X6Vf67Q3lEE6apzefTr87b+UOCRsA"
    "9jzVVEOxnRsK8+F9GdPqEw4kKd5Rky5uLzOx+lDR8fiaRhYE+RgRtKeNHG3HMIVG2qrxYK"
    "MLRv/hPSQCth/SX4rzMSKDAemrDyi0hHSnEkpXCwTDXn4M0eaaN6FE2lrjXTQmxJfowYjp"
    "mr6H1YCLieHgtA32MKIeQVQhoW+7Fxl44DaRIZuHo6fSN0d4qHvMHcMDMPl0gcByhFzSp2"
    "6a4JNg8lHmB0p+RF39XCqQJqJJN8FMcFIUGqrf1LyX/jAC4t4x/VhIPx0R+s4uUIr69wDr"
    "x3M76IaYzUVJ5FQaSEsiWnOxHsBuwfVsY1SqC/q2ux1q5oKGKayMNuL69VAF3K8xqggn8j"
    "JDTyJR1eCzMLa3ojVGVaBXPQCZVdyT6KmspKWnak1PDSijcvQkPc+JbkDRNQvf23U918QB"
    "OeMockzkNH9RbB+nCZN1fJBpV2AHfUd8MyChuBmJ9BA1baMJFmN9uetGFcKNKx7B90RIhA"
    "UYs30+1L1c2305PsiqbmONyHoZkebfEquNuP7W1ho7FhiR3dwKH8WEsJzppxjhrFQTDcrD"
    "9+ss6A7fF6/ooCyLtaLKK9WRZwLNC8avBGBfg1QK4JlA8wDe/LadmSOA5RjixRjPiVWEdJ"
    "PGZOxRLEmOgV3MdqRELOGxccKDSke/fH9RIWec63UkK1jeJVJzOulpsaqUMbuyXdzPrq+/"
    "ZHA/u5jP9fDz5dm5HtKNEnQlGroQF+MK6kgv5XR6SM10T3aVXrLRT0/p5TtBO6TVHPjuE9"
    "WclbRqrrWaY2rjCXqeE7UsYp31PKKC5DBMoOGCTSKxwDK9NkqnoKdymz8SeKOtFjlrj7NI"
    "8vsfvxIPF+RkXNzVsZtD4kJIWKYP8h5E3hgMngnUpQkxulG73AWXY+VzU/1ZKP0EbcxyYD"
    "UQJA0Ee/5X90vYSoMwqtInFAYE5ziEZpHCS6IlR1g5s8jkdfxBQ9jexYiLjBTiDEFMXxx/"
    "2EFdSDpiAgNH/CEbmwiPJxFVef6fTTWbu+csrtoyGnOJ3Xf2oj6gtDrWZndTMk30UWyeFC"
    "iZMehZuYLqDW4lEZt1c2Q2DV99xwEdluHNE4l60OaNCtm0HONTVLETpIQ1r6uyhsJ9N1u1"
    "rHcSJ8YV7P55Hk5XppGmQrR19mEnUdo2/bAzIFXJP6QHqBwWYm78KuYiwtHSkbOaK9mIX+"
    "Ltj3BAmclcFhKakIRmYAiEaOej/oUjZmHP179dKs1hZSaPDRfIJHSnapqTBb6ie9jcOPXm"
    "KGxunCpz40TfRhmEUyINRLkSEzoeccrAnJZpXiBlJTCH+/nLgJxIWIjXgnhHwsgCNtaGNa"
    "uK86l8n7QgMnfzwNLQyJTUFkMj47XGzkZGCjKB98tjBwoXbxmZxuRm3VgSK1idOxFGT2Eq"
    "8+RtDFXd6Mqcj6hsksU5MTsJrzUJD6jQ34ckJOfU21W7m9OS1gVQ62/KjIJP0XJG0Cq51k"
    "p+uUyadRs3bSLNWmK64JS0iTSbmEizZqPButAuy6OpnwFd/fzly0sl0oz8oDmemMRDWuyE"
    "YUmdNYJBw9rJ8QAwTUFmS+4ThiDxo34jPQV5xB0SyDCAAqaoB+k7sOtRRrp5oaDPb9TkyS"
    "SPPulDipAw72WcUNPnxoJGA/po8mTqNqlCD1hG95llyxyTaTvjxGnfsVjviLrmoF64vP8R"
    "dWODohse3yuIz012EpONRLjm3iPsDV7D0gfFZryprIvgLN/w0VEoGaXojNN/MkLBRwSFBO"
    "s3YZBRk0ti3mli05zU0H2kyGMO/VB8ynxcvxGujWUL5SpOmZcEvqZS7PBMohGAb8H4h8H3"
    "SaRaRnA7VuE2B5ImGYXxLFRWxWk5q+E6azheEy1quDisOi1Tj8DqRuUjiZeOJb1uaTGbka"
    "SU3y1cm5fGOxGzeJfAOzyPoWQ4VUbIHrC9xvrM8o6Wd6wJObaad1xng4ku3siGgNP+uEFY"
    "VxrInQBWSB5GaK7iDx0c1Vvr/J14hZnQc6/kAslnwqsjanCvCwfKdD+g8MwaYNdiGyQngr"
    "uaW+QGcCfsaRTMbgO5X5qJSymixAIkK9VAksiGde/sUq88B2e33u4AN+NF255KGKWxiDVI"
    "Sxik+a6ZJYm7t+6aaVXFbVWd7Dha/JVax2RkrBm62gxN1pjPtEMbt2G6PWeIZrpWnc46TW"
    "3EzrG0stu0i00tsyXcIbOK6511OsJsCAd5hjm0zK5yZEwgoW2e8HeHMLiH293/AFEIgUde"
    "ybiqib+Itry2dTO51tamb3LHoJ0J1/+gPY/3sYe6/9b/vb687O7H4RsEQ/6wjyAIFXVrMp"
    "hAwjCqW5R9/XW0Efcg7MKUm9NiwoZHVCoOx8509Xq/iyZ4TKC5/gheRAwhdMOH2BPOwDBc"
    "ODoVDnJ18RQMysClqtA8tGagNQNffvC0ZmBDzEAzipXqzLFA885SWjY2xPCeFIJ7Mg8tzE"
    "ZlkI3rN7Drbv7oGb2OUbjEDDerb42DHGvWkkGNJIO2mH7k/81Tbrc+2a1PtcbUhiCsGuLt"
    "1ie79SmPV4sT9+WQaqmcfsWM2kOq0lpsWiQQM10hxdVBFwr1eQBM1sOIegQFTJB7DgcXw4"
    "6fqS4ampgCzOIWZIc8+lSQ/OiFam5jKSpLUdXftLcM1c6utC2NUiGNIgiWPCdHR/Eew0Si"
    "Aa7sbe8xJPeQGTHP71oMeFrGQl4aciplUDq1U0bIJnZa76iNnTrbwe79e2quNGMbPEHLWU"
    "mbEW8XtFw2IV5ayg6b6w2b9djZVidjrRKcXTF1RJCz1F0aG5uSsuGxJcJjrXvEukdqjal1"
    "j6waIax7xLpH8twjp0TQ/qiV4x2JStrLnCM4qbPKN1KMqvU51MvncE+EpHk0YvEKNiXSQK"
    "K2mh17fs6sVIxwVL2B6L5Zy5nzZokz582iM0ffUeUeW7H0qFiVf2bFFlIavQyTsbHkRQvr"
    "r21OZt/+B3TWdjI="
)
