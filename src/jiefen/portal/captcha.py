"""An offline captcha: a small sum in Chinese-friendly form, its answer kept in the session.

No image service, no internet: it stops form-filling scripts that do not read the page, and the
rate limits stop the rest. Each question answers once — checking it, right or wrong, spends it.
"""

import secrets

SESSION_KEY = "portal_captcha"
MESSAGE = "验证码答案不正确，请重新计算后填写"


def new_question(request, form: str) -> str:
    """Make a new question for ``form`` (e.g. "submit"), remember its answer, return its text."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    if secrets.randbelow(2) and a != b:
        a, b = max(a, b), min(a, b)
        question, answer = f"{a} − {b} = ?", a - b
    else:
        question, answer = f"{a} + {b} = ?", a + b
    store = dict(request.session.get(SESSION_KEY) or {})
    store[form] = {"q": question, "a": answer}
    request.session[SESSION_KEY] = store
    return question


def question(request, form: str) -> str:
    """The question now pending for ``form``, making one if there is none."""
    pending = (request.session.get(SESSION_KEY) or {}).get(form)
    return pending["q"] if pending else new_question(request, form)


def verify(request, form: str, answer) -> bool:
    """True when ``answer`` solves the pending question; the question is spent either way."""
    store = dict(request.session.get(SESSION_KEY) or {})
    pending = store.pop(form, None)
    request.session[SESSION_KEY] = store
    if pending is None:
        return False
    given = str(answer or "").strip().translate(_FULL_WIDTH_DIGITS)
    return given.lstrip("-").isdigit() and int(given) == pending["a"]


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９－", "0123456789-")
