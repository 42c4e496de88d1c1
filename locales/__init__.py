"""Fluent message catalogues: `zh_CN/` (default) and `en/`, one `.ftl` file per feature."""
