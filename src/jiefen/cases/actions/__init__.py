"""Per-action logic, grouped by lifecycle stage. Importing this package registers every action
with the kernel; call them only through ``cases.kernel.perform``."""

from jiefen.cases.actions import (  # noqa: F401
    archive,
    closing,
    intake,
    mediation,
    risk,
    routing,
    supervision,
)
