"""Input checks shared by the actions. Each failure is a CaseError with a Chinese message."""

import hashlib
import mimetypes
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile

from jiefen.cases.errors import CaseError
from jiefen.cases.models import Attachment
from jiefen.cases.validation import (  # noqa: F401
    a_date,
    a_datetime,
    choice,
    instance,
    money,
    positive_int,
    text,
)
from jiefen.org.roles import Role

CENTRE_DESK = frozenset({Role.WINDOW_CLERK, Role.CENTRE_LEADER})
DESK_AND_SUPERVISOR = CENTRE_DESK | {Role.SUPERVISOR}
HANDLING_ROLES = frozenset(
    {Role.MEDIATOR, Role.UNIT_HANDLER, Role.WINDOW_CLERK, Role.CENTRE_LEADER}
)
OVERSIGHT_ROLES = frozenset({Role.SUPERVISOR, Role.CENTRE_LEADER, Role.COUNTY_LEADER})
ALL_CASE_ROLES = frozenset(
    {
        Role.WINDOW_CLERK,
        Role.MEDIATOR,
        Role.UNIT_HANDLER,
        Role.SUPERVISOR,
        Role.ANALYST,
        Role.CENTRE_LEADER,
        Role.COUNTY_LEADER,
        Role.GRID_WORKER,
    }
)


ALLOWED_EXTENSIONS = {
    ".pdf",
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".bmp",
    ".tif",
    ".tiff",
    ".doc",
    ".docx",
    ".xls",
    ".xlsx",
    ".wps",
    ".txt",
    ".mp3",
    ".m4a",
    ".wav",
    ".mp4",
}


def attachments(files, *, kind: str, uploader, now) -> list[Attachment]:
    """Check uploads (type and size limits) and build unsaved Attachment rows for the kernel."""
    max_bytes = settings.JIEFEN_UPLOAD_MAX_MB * 1024 * 1024
    result = []
    for upload in files or ():
        name = Path(getattr(upload, "name", "") or "未命名").name
        if Path(name).suffix.lower() not in ALLOWED_EXTENSIONS:
            raise CaseError(
                f"不支持的文件类型：{name}（可上传 PDF、图片、Word、Excel、音视频）",
                "file_type",
                field="附件",
            )
        content = upload.read() if hasattr(upload, "read") else bytes(upload)
        if len(content) > max_bytes:
            raise CaseError(
                f"文件“{name}”超过 {settings.JIEFEN_UPLOAD_MAX_MB} MB 的上限",
                "file_too_large",
                field="附件",
            )
        if not content:
            raise CaseError(f"文件“{name}”是空文件", "file_empty", field="附件")
        attachment = Attachment(
            original_name=name[:200],
            kind=kind,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            content_type=mimetypes.guess_type(name)[0] or "",
            uploaded_by=uploader,
            uploaded_at=now,
        )
        attachment.file.save(name, ContentFile(content), save=False)
        result.append(attachment)
    return result
