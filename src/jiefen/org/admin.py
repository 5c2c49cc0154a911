from axes.models import AccessAttempt
from django import forms
from django.contrib import admin
from django.contrib.auth.forms import AdminPasswordChangeForm, BaseUserCreationForm
from django_otp.plugins.otp_totp.models import TOTPDevice

from jiefen.core import audit, clock, crypto
from jiefen.core.errors import DomainError
from jiefen.org import services
from jiefen.org.admin_site import SECURITY, SYSTEM, RoleGatedAdmin, admin_site
from jiefen.org.models import (
    Category,
    Centre,
    Department,
    DutyShift,
    Expert,
    MediatorProfile,
    Region,
    Unit,
    User,
)
from jiefen.org.roles import Role


@admin.register(Region, site=admin_site)
class RegionAdmin(RoleGatedAdmin):
    edit_roles = SYSTEM
    list_display = ["code", "name", "level", "parent", "valid_from", "valid_to"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    raw_id_fields = ["parent"]


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0

    def _ok(self, request):
        return Role.SYSTEM_ADMIN in request.user.roles

    def has_view_permission(self, request, obj=None):
        return self._ok(request)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


@admin.register(Centre, site=admin_site)
class CentreAdmin(RoleGatedAdmin):
    edit_roles = SYSTEM
    list_display = ["name", "kind", "region", "phone"]
    search_fields = ["name", "region__code"]
    inlines = [DepartmentInline]


@admin.register(Unit, site=admin_site)
class UnitAdmin(RoleGatedAdmin):
    edit_roles = SYSTEM
    list_display = ["name", "kind", "centre", "stationing_form", "mode", "active"]
    list_filter = ["kind", "stationing_form", "mode", "active"]
    search_fields = ["name"]


@admin.register(Category, site=admin_site)
class CategoryAdmin(RoleGatedAdmin):
    edit_roles = SYSTEM
    list_display = ["code", "name", "source", "sort", "active"]
    list_filter = ["source", "active"]


@admin.register(Expert, site=admin_site)
class ExpertAdmin(RoleGatedAdmin):
    edit_roles = SYSTEM
    list_display = ["name", "profession", "organisation", "centre", "active"]
    list_filter = ["profession", "active"]
    filter_horizontal = ["specialities"]
    exclude = ["phone_hash"]

    def save_model(self, request, obj, form, change):
        obj.phone_hash = crypto.keyed_hash(obj.phone) if obj.phone else ""
        super().save_model(request, obj, form, change)


@admin.register(MediatorProfile, site=admin_site)
class MediatorProfileAdmin(RoleGatedAdmin):
    edit_roles = SYSTEM
    list_display = ["user", "kind", "organisation", "certificate_no"]
    filter_horizontal = ["specialities"]


@admin.register(DutyShift, site=admin_site)
class DutyShiftAdmin(RoleGatedAdmin):
    edit_roles = SYSTEM
    list_display = ["date", "centre", "shift", "duty_role", "user"]
    list_filter = ["centre", "shift", "duty_role"]
    date_hierarchy = "date"


class UserCreateForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ["username", "full_name", "centre", "unit", "department", "job_title"]


class UserChangeForm(forms.ModelForm):
    roles = forms.MultipleChoiceField(
        label="角色", choices=Role.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = User
        fields = [
            "full_name",
            "centre",
            "unit",
            "department",
            "job_title",
            "is_active",
            "must_change_password",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["roles"].initial = sorted(self.instance.roles)

    def clean_roles(self):
        # All the rules set_roles applies (三员分立, an administrator outside any centre, a unit
        # handler inside a unit), so a refused change is shown on the form, not saved and logged
        # as a success with an error message beside it.
        roles = set(self.cleaned_data["roles"])
        try:
            services.check_roles(roles, self.instance.centre, self.instance.unit)
        except DomainError as exc:
            raise forms.ValidationError(exc.message) from exc
        return roles

    def clean(self):
        # Moving a person to another centre or unit must keep their roles legal (a unit handler
        # keeps a unit, an administrator stays outside every centre).
        cleaned = super().clean()
        if self.instance.pk and {"centre", "unit"} & set(self.changed_data):
            try:
                services.check_roles(
                    self.instance.roles, cleaned.get("centre"), cleaned.get("unit")
                )
            except DomainError as exc:
                raise forms.ValidationError(exc.message) from exc
        return cleaned


@admin.register(User, site=admin_site)
class UserAdmin(RoleGatedAdmin):
    """System administrator: accounts and their place; security administrator: roles only."""

    edit_roles = SYSTEM | SECURITY
    list_display = [
        "username",
        "full_name",
        "centre",
        "unit",
        "role_labels",
        "is_active",
        "last_login",
    ]
    list_filter = ["is_active", "centre"]
    search_fields = ["username", "full_name"]
    change_password_form = AdminPasswordChangeForm

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("centre", "unit")
            .prefetch_related("role_assignments")
        )

    def get_form(self, request, obj=None, **kwargs):
        kwargs["form"] = UserCreateForm if obj is None else UserChangeForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return [
                "username",
                "full_name",
                "centre",
                "unit",
                "department",
                "job_title",
                "password1",
                "password2",
            ]
        return [
            "full_name",
            "centre",
            "unit",
            "department",
            "job_title",
            "is_active",
            "must_change_password",
            "roles",
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        roles = request.user.roles
        readonly = []
        if Role.SYSTEM_ADMIN not in roles:
            readonly += [
                "full_name",
                "centre",
                "unit",
                "department",
                "job_title",
                "is_active",
                "must_change_password",
            ]
        return readonly

    def has_add_permission(self, request):
        return Role.SYSTEM_ADMIN in request.user.roles

    def has_delete_permission(self, request, obj=None):
        return False  # accounts are deactivated, never deleted: the audit trail names them

    def save_model(self, request, obj, form, change):
        if not change:
            obj.password_changed_at = clock.now()
            obj.must_change_password = True
        super().save_model(request, obj, form, change)
        if change and {"centre", "unit"} & set(form.changed_data):
            audit.record(
                audit.Event.SCOPE_CHANGE,
                user=request.user,
                ip=audit.client_ip(request),
                target=f"user:{obj.username}",
                before={k: form.initial.get(k) for k in ("centre", "unit")},
                after={"centre": obj.centre_id, "unit": obj.unit_id},
            )
        roles = form.cleaned_data.get("roles")
        if change and roles is not None and Role.SECURITY_ADMIN in request.user.roles:
            try:
                services.set_roles(obj, roles, actor=request.user, ip=audit.client_ip(request))
            except DomainError as exc:
                self.message_user(request, exc.message, level="error")

    def render_change_form(self, request, context, *args, **kwargs):
        form = context.get("adminform").form if context.get("adminform") else None
        if (
            form is not None
            and "roles" in form.fields
            and Role.SECURITY_ADMIN not in request.user.roles
        ):
            form.fields["roles"].disabled = True
        return super().render_change_form(request, context, *args, **kwargs)


class AccessAttemptAdmin(RoleGatedAdmin):
    """Failed-login records; deleting one unlocks the account (security administrator)."""

    view_roles = SECURITY
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    search_fields = ["username", "ip_address"]
    readonly_fields = [
        "username",
        "ip_address",
        "user_agent",
        "failures_since_start",
        "attempt_time",
        "path_info",
        "get_data",
        "post_data",
    ]

    def has_delete_permission(self, request, obj=None):
        return Role.SECURITY_ADMIN in request.user.roles


class TOTPDeviceAdmin(RoleGatedAdmin):
    """Second-factor devices; deleting one makes the administrator enrol a new authenticator."""

    view_roles = SECURITY
    list_display = ["user", "name", "confirmed", "last_used_at"]
    fields = ["user", "name", "confirmed", "last_used_at"]
    readonly_fields = fields

    def has_delete_permission(self, request, obj=None):
        return Role.SECURITY_ADMIN in request.user.roles


admin_site.register(AccessAttempt, AccessAttemptAdmin)
admin_site.register(TOTPDevice, TOTPDeviceAdmin)
