"""Password rules of the security baseline, with Chinese messages."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule with a Chinese message: Django 5.2 changed the message's msgid and its
    zh_Hans catalogue has no translation for the new one, so users saw it in English."""

    def get_error_message(self):
        return f"密码长度太短。密码必须包含至少 {self.min_length} 个字符。"

    def get_help_text(self):
        return f"密码必须包含至少 {self.min_length} 个字符。"


class CharacterClassValidator:
    """At least ``min_classes`` of: upper-case, lower-case, digits, other characters."""

    def __init__(self, min_classes: int = 3):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        classes = [
            any(c.isupper() for c in password),
            any(c.islower() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        ]
        if sum(classes) < self.min_classes:
            raise ValidationError(
                f"密码须包含大写字母、小写字母、数字、符号中的至少 {self.min_classes} 类。",
                code="password_too_simple",
            )

    def get_help_text(self):
        return f"密码须包含大写字母、小写字母、数字、符号中的至少 {self.min_classes} 类。"


class NotUsernameValidator:
    """The password may not be, or contain, the user name."""

    def validate(self, password, user=None):
        username = (getattr(user, "username", "") or "").lower()
        if username and username in password.lower():
            raise ValidationError("密码不得包含用户名。", code="password_contains_username")

    def get_help_text(self):
        return "密码不得包含用户名。"
