"""The one error type the domain raises; views turn it into a Chinese message for the user."""


class DomainError(Exception):
    """A rule of the domain was broken.

    ``message`` is shown to the user (Chinese), ``code`` is for machines (snake_case) and
    ``extra`` carries whatever detail the caller may want (field name, limits, …).
    """

    def __init__(self, message: str, code: str, **extra):
        super().__init__(message)
        self.message = message
        self.code = code
        self.extra = extra

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r})"


class InvalidIdentifier(DomainError):
    """A citizen ID, credit code, phone number or region code is malformed."""
