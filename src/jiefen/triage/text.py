"""Text preparation shared by the classifier and the duplicate finder."""

import logging
import re
import threading
import unicodedata

_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_lock = threading.Lock()
_jieba = None


def normalise(text: str) -> str:
    """Full-width to half-width (NFKC), lower case, numbers folded to one token, spaces squeezed:
    "３０名" and "30名" and "45名" look alike to the model."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = _DIGITS.sub("0", text)
    return _SPACES.sub(" ", text).strip()


def case_text(title: str, description: str) -> str:
    title, description = (title or "").strip(), (description or "").strip()
    if title and description.startswith(title.rstrip("…")):
        return description
    return f"{title}。{description}" if title else description


def _segmenter():
    global _jieba
    if _jieba is None:
        with _lock:
            if _jieba is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                _jieba = tokenizer
    return _jieba


def words(text: str) -> list[str]:
    """jieba words of a normalised text, without spaces and punctuation."""
    return [
        w
        for w in _segmenter().lcut(text, HMM=False)
        if w.strip() and not unicodedata.category(w[0]).startswith("P")
    ]
