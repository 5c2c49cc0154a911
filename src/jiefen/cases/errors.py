"""The one domain error of the case kernel: a Chinese ``message`` and a machine ``code``."""

from jiefen.core.errors import DomainError


class CaseError(DomainError):
    pass
