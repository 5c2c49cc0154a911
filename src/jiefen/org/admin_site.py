"""The administrators' site. Who sees which model follows 三员分立: the system administrator
keeps the organisation and accounts, the security administrator roles, lockouts and second
factors, the audit administrator reads the audit log and nothing else. None sees case content."""

from django.contrib import admin

from jiefen.core import audit
from jiefen.org.roles import Role


class JiefenAdminSite(admin.AdminSite):
    site_header = "解纷 · 系统管理"
    site_title = "解纷系统管理"
    index_title = "管理首页"

    def has_permission(self, request):
        user = request.user
        return bool(
            user.is_active
            and user.is_authenticated
            and user.is_administrator
            and user.is_verified()
        )


admin_site = JiefenAdminSite(name="admin")


class RoleGatedAdmin(admin.ModelAdmin):
    """Grants a model to the administrator roles named in ``edit_roles`` / ``view_roles`` and
    writes every change to the audit log."""

    edit_roles: frozenset = frozenset()
    view_roles: frozenset = frozenset()

    def _roles(self, request):
        return request.user.roles if request.user.is_authenticated else set()

    def has_module_permission(self, request):
        return bool(self._roles(request) & (self.edit_roles | self.view_roles))

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return bool(self._roles(request) & self.edit_roles)

    def has_change_permission(self, request, obj=None):
        return bool(self._roles(request) & self.edit_roles)

    def has_delete_permission(self, request, obj=None):
        return bool(self._roles(request) & self.edit_roles)

    def _audit(self, request, action, obj, message=""):
        audit.record(
            audit.Event.ADMIN_CHANGE,
            user=request.user,
            ip=audit.client_ip(request),
            target=f"{obj._meta.label}:{obj.pk}",
            action=action,
            object=str(obj),
            message=str(message)[:500],
        )

    def log_addition(self, request, obj, message):
        self._audit(request, "add", obj, message)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self._audit(request, "change", obj, message)
        return super().log_change(request, obj, message)

    def log_deletion(self, request, obj, object_repr):
        self._audit(request, "delete", obj, object_repr)
        return super().log_deletion(request, obj, object_repr)


SYSTEM = frozenset({Role.SYSTEM_ADMIN})
SECURITY = frozenset({Role.SECURITY_ADMIN})
AUDIT = frozenset({Role.AUDIT_ADMIN})
