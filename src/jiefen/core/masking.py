"""Masking of personal information for lists, exports and logs (个人信息保护法)."""


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _keep_ends(value, head: int = 3, tail: int = 4) -> str:
    """Keep ``head`` and ``tail`` characters, one ``*`` for each hidden one; all ``*`` if short."""
    text = _text(value)
    if len(text) <= head + tail:
        return "*" * len(text)
    return text[:head] + "*" * (len(text) - head - tail) + text[-tail:]


def mask_id_number(value) -> str:
    """Keep the first 3 and last 4: "110105199003071234" → "110***********1234"."""
    return _keep_ends(value)


def mask_phone(value) -> str:
    """Keep the first 3 and last 4: "13812345678" → "138****5678"."""
    return _keep_ends(value)


def mask_name(value) -> str:
    """Keep the surname's first character: "张三" → "张*", "欧阳娜娜" → "欧***"."""
    text = _text(value)
    if len(text) <= 1:
        return text
    return text[0] + "*" * (len(text) - 1)
