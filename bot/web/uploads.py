"""Roster files uploaded to the console: kept under DATA_DIR/console-uploads/TOKEN/NAME from
the preview until they are applied (or replaced by the next upload), so the file applied is
the file previewed. Names are reduced to a safe file name; only .xlsx and .csv are taken."""

from __future__ import annotations

import re
import secrets
import shutil
from pathlib import Path

from starlette.datastructures import UploadFile

from bot.core.errors import UserFacingError

SUFFIXES = (".xlsx", ".csv")
CHUNK = 1024 * 1024
_UNSAFE = re.compile(r"[^\w.\-()\u4e00-\u9fff]+")


def folder(data_dir: Path) -> Path:
    return data_dir / "console-uploads"


def safe_name(name: str) -> str:
    base = Path(name.replace("\\", "/")).name
    cleaned = _UNSAFE.sub("_", base).lstrip(".")[:120] or "roster"
    if Path(cleaned).suffix.lower() not in SUFFIXES:
        raise UserFacingError("web-upload-type", name=base or "-")
    return cleaned


async def save(upload: UploadFile, data_dir: Path, limit: int) -> tuple[str, Path]:
    """Store the upload; (token, path). Larger than `limit` bytes: refused, nothing kept."""
    name = safe_name(upload.filename or "")
    token = secrets.token_hex(16)
    target = folder(data_dir) / token / name
    target.parent.mkdir(parents=True, exist_ok=True)
    size = 0
    with target.open("wb") as out:
        while chunk := await upload.read(CHUNK):
            size += len(chunk)
            if size > limit:
                break
            out.write(chunk)
    if size > limit or size == 0:
        discard(data_dir, token)
        if size:
            shown = f"{limit >> 20} MiB" if limit >= 1 << 20 else f"{limit >> 10} KiB"
            raise UserFacingError("web-upload-size", size=shown)
        raise UserFacingError("web-upload-empty")
    return token, target


def find(data_dir: Path, token: str) -> Path | None:
    if not re.fullmatch(r"[0-9a-f]{32}", token):
        return None
    files = list((folder(data_dir) / token).glob("*"))
    return files[0] if len(files) == 1 else None


def discard(data_dir: Path, token: str | None) -> None:
    if token and re.fullmatch(r"[0-9a-f]{32}", token):
        shutil.rmtree(folder(data_dir) / token, ignore_errors=True)
